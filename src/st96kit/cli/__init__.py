"""The ``st96kit`` command line: argument parsing and printing only; the work is the library's."""
