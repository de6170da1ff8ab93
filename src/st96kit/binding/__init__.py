"""Documents to objects of the generated classes and back: parse, serialize, compare."""
