"""A fake Py4J client speaking the driver protocol (standard library only) that breaks one oracle on
purpose, chosen by PLANT: honest, nonconforming, unparseable, misread, duplicate, stray, undocumented, hang;
or "finalizer": after a call, releases an object on a second connection of its own and keeps it open, as
py4j's ClientServer FinalizerWorker thread does (not a misbehaviour in ClientServer mode).
It only knows the 'call' operation and the answers i, s, v, n and errors; every other answer comes back
as an error (the tests answer with those only)."""
import json
import os
import socket
import sys

PLANT = os.environ.get("PLANT", "honest")
port = int(sys.argv[1])
token = os.environ.get("PY4J_FUZZ_AUTH_TOKEN")


def connect():
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    if token:
        s.sendall(("A\n" + token + "\n").encode())
        f.readline()
    return s, f


def part(v):
    t = v["type"]
    if t in ("int", "long"):
        n = int(v["value"])
        return ("i" if -2**31 <= n < 2**31 else "L") + str(n)
    if t == "string":
        return "s" + v["value"].replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    if t == "null":
        return "n"
    if t == "boolean":
        return "b" + ("True" if v["value"] else "False")
    if t == "reference":
        return "r" + v["id"]
    return "n"


conn = connect()
finalizer = None
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    op = json.loads(line)
    if op["op"] != "call":
        print(json.dumps({"error": "Py4JError", "module": "planted", "documented": True, "message": "only calls"}), flush=True)
        continue
    method = op["method"]
    if PLANT == "nonconforming" and method != "probe":
        method += "X"
    cmd = "c\n" + op["target"] + "\n" + method + "\n" + "".join(part(a) + "\n" for a in op["args"]) + "e\n"
    if PLANT == "unparseable" and op["method"] != "probe":
        cmd = "c\n" + op["target"] + "\n" + method + "\n?what\ne\n"
    if PLANT == "hang" and op["method"] != "probe":
        continue
    if PLANT == "stray" and op["method"] != "probe":
        conn = connect()
    s, f = conn
    s.sendall(cmd.encode())
    answer = f.readline().decode()[:-1]
    if PLANT == "duplicate" and op["method"] != "probe":
        s.sendall(cmd.encode())
        f.readline()
    if PLANT == "finalizer" and op["method"] != "probe" and finalizer is None:
        finalizer = connect()
        finalizer[0].sendall(b"m\nd\no1\ne\n")
        finalizer[1].readline()
    if answer.startswith("!x"):
        reply = {"error": "Py4JError", "module": "planted", "documented": True, "message": answer}
    elif answer.startswith("!yi"):
        reply = {"ok": {"type": "int", "value": int(answer[3:])}}
    elif answer.startswith("!ys"):
        reply = {"ok": {"type": "string", "value": answer[3:]}}
    elif answer in ("!yv", "!yn"):
        reply = {"ok": {"type": "null"}}
    else:
        reply = {"error": "Py4JError", "module": "planted", "documented": True, "message": answer}
    if PLANT == "misread" and op["method"] != "probe":
        reply = {"ok": {"type": "string", "value": "planted"}}
    if PLANT == "undocumented" and op["method"] != "probe":
        reply = {"error": "ValueError", "module": "builtins", "documented": False, "message": "planted"}
    print(json.dumps(reply), flush=True)
