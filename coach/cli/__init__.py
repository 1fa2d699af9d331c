"""The command line: the parser, the plain launch, and one module per sub-command."""
