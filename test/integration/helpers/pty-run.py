# Runs a command in a new pseudo-terminal, relaying this process's stdin to
# the terminal and the terminal's output to stdout: the test types into a
# pipe and the command sees a real terminal. Exits with the command's status.
import os
import pty
import sys

status = pty.spawn(sys.argv[1:])
sys.exit(os.waitstatus_to_exitcode(status))
