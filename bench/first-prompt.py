# Time from start to the shell's first prompt on a pseudo-terminal, or (with
# --exit) to the end of a command's output, in milliseconds; both through the
# same pty so the comparison pays the same terminal costs.
# Usage: python3 first-prompt.py (--prompt TEXT | --exit) -- COMMAND...
import os
import pty
import select
import sys
import time

args = sys.argv[1:]
split = args.index('--')
mode, command = args[:split], args[split + 1:]
prompt = mode[1].encode() if mode[0] == '--prompt' else None

started = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
seen = b''
while True:
    ready, _, _ = select.select([fd], [], [], 10)
    if not ready:
        sys.exit('timed out')
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        chunk = b''
    if not chunk:
        break
    seen += chunk
    if prompt and prompt in seen:
        break
elapsed = (time.monotonic() - started) * 1000
if prompt:
    os.write(fd, b'\x04')
os.waitpid(pid, 0)
print(f'{elapsed:.1f}')
