"""Reading documents safely, and telling what a document is (``detect``)."""
