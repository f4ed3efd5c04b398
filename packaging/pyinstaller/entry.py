"""The frozen program's entry point: the same ``mentor-desk`` command as the installed one."""

import sys

from mentor_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
