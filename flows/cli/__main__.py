"""`python -m flows.cli`: the same as the `storywatch` command."""

from flows.cli import app

app()
