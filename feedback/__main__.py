"""`python -m feedback`: the operator command line."""

from feedback.cli import cli

cli(prog_name="feedback")
