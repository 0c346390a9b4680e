# A full-screen or refreshing command on a pseudo-terminal (100x30): the time
# from start until TEXT first shows (its first full frame), then the CPU it
# uses while left alone for IDLE seconds; then QUIT is typed and it must exit.
# Prints JSON: {"firstMs": ..., "idleCpuMs": ..., "idleSeconds": ..., "exitCode": ...}.
# CPU is the process's own utime+stime from /proc (all its threads).
# With THEN_KEYS and THEN_TEXT in the environment, those keys are typed after
# the first frame, and the idle time starts once THEN_TEXT shows (another view).
# Usage: python3 pty-idle.py TEXT IDLE_SECONDS QUIT_BYTES -- COMMAND...
import fcntl
import json
import os
import pty
import select
import struct
import sys
import termios
import time

args = sys.argv[1:]
split = args.index('--')
text, idle_seconds, quit_bytes = args[0].encode(), float(args[1]), args[2].encode().decode('unicode_escape').encode()
command = args[split + 1:]
ticks = os.sysconf('SC_CLK_TCK')


def cpu_ms(pid):
    with open(f'/proc/{pid}/stat') as stat:
        fields = stat.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / ticks


started = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))
seen = b''
deadline = started + 60
while text not in seen:
    ready, _, _ = select.select([fd], [], [], max(0, deadline - time.monotonic()))
    if not ready:
        sys.exit(f'timed out waiting for {text!r}; saw {seen[-400:]!r}')
    chunk = os.read(fd, 65536)
    if not chunk:
        sys.exit(f'exited before showing {text!r}: {seen[-400:]!r}')
    seen += chunk
first_ms = (time.monotonic() - started) * 1000
if os.environ.get('THEN_KEYS'):
    then_text = os.environ['THEN_TEXT'].encode()
    os.write(fd, os.environ['THEN_KEYS'].encode())
    seen = b''
    while then_text not in seen:
        ready, _, _ = select.select([fd], [], [], max(0, deadline + 60 - time.monotonic()))
        if not ready:
            sys.exit(f'timed out waiting for {then_text!r}')
        seen += os.read(fd, 65536)
cpu_before = cpu_ms(pid)
idle_until = time.monotonic() + idle_seconds
while time.monotonic() < idle_until:
    ready, _, _ = select.select([fd], [], [], max(0, idle_until - time.monotonic()))
    if ready:
        os.read(fd, 65536)
idle_cpu = cpu_ms(pid) - cpu_before
os.write(fd, quit_bytes)
exit_deadline = time.monotonic() + 20
while time.monotonic() < exit_deadline:
    ready, _, _ = select.select([fd], [], [], 0.5)
    if ready:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
_, status = os.waitpid(pid, 0)
print(json.dumps({'firstMs': round(first_ms, 1), 'idleCpuMs': round(idle_cpu, 1), 'idleSeconds': idle_seconds, 'exitCode': os.waitstatus_to_exitcode(status)}))
