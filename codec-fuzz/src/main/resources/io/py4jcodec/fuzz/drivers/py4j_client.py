"""Driver of the py4j Python client for `py4j-codec fuzz --role gateway` (standard library + py4j only).

Usage: python3 py4j_client.py PORT
The fuzzer sets PY4J_FUZZ_MODE (gateway or client_server) and, with auth, PY4J_FUZZ_AUTH_TOKEN in the
driver's environment (a token never goes on a command line).

The driver protocol (one JSON object per line, UTF-8, both ways; values in py4j-codec's canonical
JSON, spec/PROTOCOL.md section 13), so that a driver for another client can be written:
  driver -> fuzzer, once:  {"ready": true}
  fuzzer -> driver, per operation (ID: an object id such as "o5"; VALUE: a canonical JSON value):
    {"op": "call", "target": ID, "method": NAME, "args": [VALUE...]}    target.NAME(*args)
    {"op": "constructor", "class": FQN, "args": [VALUE...]}            gateway.jvm.<FQN>(*args)
    {"op": "field_get", "target": ID, "field": NAME}                   get_field(target, NAME)
    {"op": "field_set", "target": ID, "field": NAME, "value": VALUE}   set_field(target, NAME, value)
    {"op": "java_import", "name": NAME}                                java_import(gateway.jvm, NAME)
    {"op": "list_len" | "map_len" | "set_len" | "array_len", "target": ID}            len(c)
    {"op": "list_get" | "array_get", "target": ID, "index": K}                        c[K]
    {"op": "list_set" | "array_set", "target": ID, "index": K, "value": VALUE}        c[K] = value
    {"op": "list_slice" | "array_slice", "target": ID, "start": A, "stop": B}         c[A:B]
    {"op": "list_contains" | "set_contains", "target": ID, "value": VALUE}            value in c
    {"op": "list_iter", "target": ID}                       next(iter(c)), null when the iterator ends
    {"op": "map_get", "target": ID, "key": VALUE}                      c[key]
    {"op": "map_put", "target": ID, "key": VALUE, "value": VALUE}      c[key] = value
    {"op": "map_contains", "target": ID, "key": VALUE}                 key in c
    {"op": "set_add", "target": ID, "value": VALUE}                    c.add(value)
    {"op": "list_concat", "target": ID, "other": ID}                   c + JavaList(other)
    {"op": "list_multiply", "target": ID, "count": N}                  c * N
    {"op": "list_multiply_in_place", "target": ID, "count": N}         c *= N (null: py4j drops the answer)
    {"op": "list_count", "target": ID, "value": VALUE}                 c.count(value)
    {"op": "list_sort" | "list_reverse", "target": ID}                 c.sort(), c.reverse() (null, likewise)
    {"op": "new_array", "class": FQN, "dimensions": [N...]}            gateway.new_array(JavaClass(FQN), *dimensions)
    {"op": "new_jvm_view", "name": STRING}                 gateway.new_jvm_view(name): the view's Java object
    {"op": "dir_class", "class": FQN}                      dir(JavaClass(FQN)), its names joined by LF
    {"op": "help_class", "class": FQN, "pattern": null|STRING, "short_name": BOOL}
                                             gateway.help(JavaClass(FQN), pattern, short_name, display=False)
    {"op": "dir", "target": ID}              dir(obj): its names sorted, joined by LF, as a string
    {"op": "dir_jvm"}                        dir(a fresh view of the default JVM view "rj"), likewise
    {"op": "help", "target": ID, "pattern": null|STRING, "short_name": BOOL}
                                             gateway.help(obj, pattern, short_name, display=False)
    {"op": "gc", "target": ID}               make a JavaObject for ID, drop it, gc.collect()
    {"op": "shutdown"}                       gateway.shutdown() (the driver is finished afterwards)
    {"op": "close"}                          close the client's connections (no command is sent)
  Lists, maps, sets and arrays are py4j's JavaList, JavaMap, JavaSet and JavaArray for ID.
  driver -> fuzzer, per operation, exactly one line:
    {"ok": VALUE}  or  {"error": TYPE, "module": MODULE, "documented": BOOL, "message": TEXT}
  "documented" is true when the exception is one of the client's documented error types
  (py4j.protocol.Py4JError and its subclasses).
"""
import base64
import decimal
import gc
import json
import math
import os
import sys

from py4j.java_gateway import (JavaGateway, GatewayParameters, JavaObject, JavaMember, JavaClass, JavaPackage,
                               JVMView, get_field, set_field, java_import)
from py4j.java_collections import JavaList, JavaMap, JavaSet, JavaArray, JavaIterator
from py4j.protocol import Py4JError, Py4JJavaError, DEFAULT_JVM_ID


def to_python(v, client):
    t = v["type"]
    if t in ("int", "long"):
        return int(v["value"])
    if t == "double":
        x = v["value"]
        if isinstance(x, str):
            return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf, "-0.0": -0.0}[x]
        return float(x)
    if t == "boolean":
        return bool(v["value"])
    if t == "decimal":
        return decimal.Decimal(v["value"])
    if t == "string":
        return v["value"]
    if t == "bytes":
        return bytearray(base64.b64decode(v["value"]))
    if t == "null":
        return None
    if t == "reference":
        return JavaObject(v["id"], client)
    raise ValueError("the driver cannot send a value of type " + t)


def to_json(x):
    if x is None:
        return {"type": "null"}
    if isinstance(x, bool):
        return {"type": "boolean", "value": x}
    if isinstance(x, int):
        kind = "int" if -2**31 <= x < 2**31 else "long"
        return {"type": kind, "value": x if abs(x) <= 2**53 - 1 else str(x)}
    if isinstance(x, float):
        if math.isnan(x):
            return {"type": "double", "value": "NaN"}
        if math.isinf(x):
            return {"type": "double", "value": "Infinity" if x > 0 else "-Infinity"}
        if x == 0 and math.copysign(1, x) < 0:
            return {"type": "double", "value": "-0.0"}
        return {"type": "double", "value": x}
    if isinstance(x, decimal.Decimal):
        return {"type": "decimal", "value": str(x)}
    if isinstance(x, str):
        return {"type": "string", "value": x}
    if isinstance(x, (bytes, bytearray)):
        return {"type": "bytes", "value": base64.b64encode(bytes(x)).decode("ascii")}
    for cls, name in ((JavaList, "list"), (JavaMap, "map"), (JavaSet, "set"), (JavaArray, "array"),
                      (JavaIterator, "iterator")):
        if isinstance(x, cls):
            return {"type": name, "id": x._target_id}
    if isinstance(x, JavaObject):
        return {"type": "reference", "id": x._target_id}
    if isinstance(x, JavaClass):
        return {"type": "class", "name": x._fqn}
    if isinstance(x, JavaPackage):
        return {"type": "package"}
    if isinstance(x, JavaMember):
        return {"type": "method"}
    return {"type": "python", "repr": repr(x)[:200]}


_COLLECTIONS = {"list": JavaList, "map": JavaMap, "set": JavaSet, "array": JavaArray}


def perform(op, gateway, client):
    """Performs one operation through the client's public API and returns its Python result."""
    kind = op["op"]
    arg = lambda v: to_python(v, client)
    if kind == "call":
        return getattr(JavaObject(op["target"], client), op["method"])(*[arg(a) for a in op["args"]])
    if kind == "constructor":
        cls = gateway.jvm
        for name in op["class"].split("."):
            cls = getattr(cls, name)
        return cls(*[arg(a) for a in op["args"]])
    if kind == "field_get":
        return get_field(JavaObject(op["target"], client), op["field"])
    if kind == "field_set":
        return set_field(JavaObject(op["target"], client), op["field"], arg(op["value"]))
    if kind == "java_import":
        return java_import(gateway.jvm, op["name"])
    if kind == "close":
        client.close()
        return None
    if kind == "shutdown":
        gateway.shutdown()
        return None
    if kind == "dir_jvm":
        return "\n".join(sorted(dir(JVMView(client, "default", id=DEFAULT_JVM_ID))))
    if kind == "gc":
        obj = JavaObject(op["target"], client)
        del obj
        gc.collect()
        return None
    if kind == "dir":
        return "\n".join(sorted(dir(JavaObject(op["target"], client))))
    if kind == "help":
        return gateway.help(JavaObject(op["target"], client), op["pattern"], op["short_name"], display=False)
    # a JavaClass made directly, as gateway.jvm makes it after its lookups: only the operation's own command is sent
    if kind == "new_array":
        return gateway.new_array(JavaClass(op["class"], client), *op["dimensions"])
    if kind == "new_jvm_view":
        return gateway.new_jvm_view(op["name"])._jvm_object
    if kind == "dir_class":
        return "\n".join(sorted(dir(JavaClass(op["class"], client))))
    if kind == "help_class":
        return gateway.help(JavaClass(op["class"], client), op["pattern"], op["short_name"], display=False)
    family, _, action = kind.partition("_")
    if family not in _COLLECTIONS:
        raise ValueError("unknown op " + kind)
    c = _COLLECTIONS[family](op["target"], client)
    if action == "len":
        return len(c)
    if action == "get":
        return c[op["index"]] if "index" in op else c[arg(op["key"])]
    if action == "set":
        c[op["index"]] = arg(op["value"])
        return None
    if action == "put":
        c[arg(op["key"])] = arg(op["value"])
        return None
    if action == "slice":
        return c[op["start"]:op["stop"]]
    if action == "contains":
        return (arg(op["key"]) if "key" in op else arg(op["value"])) in c
    if action == "add":
        c.add(arg(op["value"]))
        return None
    if action == "iter":
        return next(iter(c), None)
    if action == "concat":
        return c + JavaList(op["other"], client)
    if action == "multiply":
        return c * op["count"]
    if action == "multiply_in_place":
        c *= op["count"]
        return None
    if action == "count":
        return c.count(arg(op["value"]))
    if action == "sort":
        c.sort()
        return None
    if action == "reverse":
        c.reverse()
        return None
    raise ValueError("unknown op " + kind)


def error_reply(e):
    # str() of a Py4JJavaError asks the gateway for the stack trace (a command of its own): the message is args[0]
    message = e.args[0] if isinstance(e, Py4JJavaError) and e.args else str(e)
    return {"error": type(e).__name__, "module": type(e).__module__, "documented": isinstance(e, Py4JError),
            "message": str(message)[:500]}


def connect(port):
    """The py4j client of PY4J_FUZZ_MODE, connected to PORT with PY4J_FUZZ_AUTH_TOKEN if set."""
    mode = os.environ.get("PY4J_FUZZ_MODE", "gateway")
    token = os.environ.get("PY4J_FUZZ_AUTH_TOKEN") or None
    if mode == "client_server":
        from py4j.clientserver import ClientServer, JavaParameters, PythonParameters
        return ClientServer(java_parameters=JavaParameters(port=port, auth_token=token, auto_convert=False),
                            python_parameters=PythonParameters(port=0, daemonize=True))
    return JavaGateway(gateway_parameters=GatewayParameters(port=port, auth_token=token))


def main():
    gateway = connect(int(sys.argv[1]))
    client = gateway._gateway_client
    out = sys.stdout
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        op = json.loads(line)
        try:
            reply = {"ok": to_json(perform(op, gateway, client))}
        except BaseException as e:  # every exception is reported: which ones are documented is the fuzzer's oracle
            reply = error_reply(e)
        out.write(json.dumps(reply, ensure_ascii=True) + "\n")
        out.flush()
    try:
        gateway.close()
    finally:
        os._exit(0)


if __name__ == "__main__":
    main()
