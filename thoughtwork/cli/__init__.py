"""The command line: thin modules that parse, call inward, and print."""
