"""A fake Python callback server (standard library only) that breaks one oracle on purpose, chosen by
PLANT: honest, misread, twice, hang, close, garbage. It echoes the first argument of a proxy call as
it came (the tests send ints and strings only) and prints {"ready": true, "port": N}."""
import os
import socket
import sys
import threading

PLANT = os.environ.get("PLANT", "honest")
token = os.environ.get("PY4J_FUZZ_AUTH_TOKEN")


def serve(c):
    f = c.makefile("rb")
    if token:
        f.readline()
        f.readline()
        c.sendall(b"!yv\n")
    while True:
        lines = []
        while True:
            line = f.readline()
            if not line:
                return
            lines.append(line.decode()[:-1])
            if lines[-1] == "e":
                break
        arg = lines[3] if len(lines) > 4 else "n"
        probe = arg.startswith("sprobe")
        if PLANT == "hang" and not probe:
            continue
        if PLANT == "close" and not probe:
            c.close()
            return
        answer = "!y" + arg + "\n"
        if PLANT == "misread" and not probe:
            answer = "!ysplanted\n"
        if PLANT == "garbage" and not probe:
            answer = "!q?\n"
        if PLANT == "twice" and not probe:
            answer = answer * 2
        c.sendall(answer.encode())


s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen()
print('{"ready": true, "port": %d}' % s.getsockname()[1], flush=True)
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
while True:
    conn, _ = s.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
