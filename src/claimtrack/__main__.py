"""``python -m claimtrack``: the same CLI as the ``claimtrack`` command."""

from claimtrack.cli import main

main()
