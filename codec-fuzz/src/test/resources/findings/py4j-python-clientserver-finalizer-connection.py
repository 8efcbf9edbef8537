# Reproducer of FINDINGS root cause 18: in ClientServer mode py4j releases Java objects from its FinalizerWorker
# thread, on that thread's own connection. A fake Java side answers a call with a reference; dropping it
# opens a second connection that carries only "m d". Run: python3 THIS (py4j 0.10.9.9 on sys.path below).
import socket, threading, time, gc, sys
sys.path.insert(0, "/work/shared/peers/py4j-python/src")
from py4j.clientserver import ClientServer, JavaParameters, PythonParameters
from py4j.java_gateway import JavaObject
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(5)
port = srv.getsockname()[1]
log = []
def serve(conn, n):
    f = conn.makefile("rb")
    while True:
        lines = []
        while True:
            l = f.readline()
            if not l: log.append((n, "closed")); return
            lines.append(l)
            if l == b"e\n": break
        log.append((n, threading.current_thread().name, b"".join(lines)))
        conn.sendall(b"!yro7\n" if lines[0] == b"c\n" else b"!yv\n")
def accept():
    n = 0
    while True:
        c, _ = srv.accept(); n += 1; log.append((n, "opened")); threading.Thread(target=serve, args=(c, n), daemon=True).start()
threading.Thread(target=accept, daemon=True).start()
gw = ClientServer(java_parameters=JavaParameters(port=port, auto_convert=False), python_parameters=PythonParameters(port=0, daemonize=True))
client = gw._gateway_client
r = JavaObject("t", client).someMethod(1)   # answered by a reference o7
print("result", r._target_id)
del r; gc.collect()
time.sleep(2.5)
for e in log: print(e)
import os; os._exit(0)
