"""Driver of the py4j Python client for `py4j-codec fuzz --role gateway` (standard library + py4j only).

Usage: python3 py4j_client.py PORT
The fuzzer sets PY4J_FUZZ_MODE (gateway or client_server) and, with auth, PY4J_FUZZ_AUTH_TOKEN in the
driver's environment (a token never goes on a command line).

The driver protocol (one JSON object per line, UTF-8, both ways; values in py4j-codec's canonical
JSON, spec/PROTOCOL.md section 13), so that a driver for another client can be written:
  driver -> fuzzer, once:  {"ready": true}
  fuzzer -> driver, per operation:
    {"op": "call", "target": ID, "method": NAME, "args": [VALUE...]}
    {"op": "field_get", "target": ID, "field": NAME}
    {"op": "field_set", "target": ID, "field": NAME, "value": VALUE}
    {"op": "java_import", "name": NAME}
    {"op": "close"}            close the client's connections (no command is sent)
  driver -> fuzzer, per operation, exactly one line:
    {"ok": VALUE}  or  {"error": TYPE, "module": MODULE, "documented": BOOL, "message": TEXT}
  "documented" is true when the exception is one of the client's documented error types
  (py4j.protocol.Py4JError and its subclasses).
"""
import base64
import decimal
import json
import math
import os
import sys

from py4j.java_gateway import (JavaGateway, GatewayParameters, JavaObject, JavaMember, JavaClass, JavaPackage,
                               get_field, set_field, java_import)
from py4j.java_collections import JavaList, JavaMap, JavaSet, JavaArray, JavaIterator
from py4j.protocol import Py4JError, Py4JJavaError


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


def main():
    port = int(sys.argv[1])
    mode = os.environ.get("PY4J_FUZZ_MODE", "gateway")
    token = os.environ.get("PY4J_FUZZ_AUTH_TOKEN") or None
    if mode == "client_server":
        from py4j.clientserver import ClientServer, JavaParameters, PythonParameters
        gateway = ClientServer(java_parameters=JavaParameters(port=port, auth_token=token, auto_convert=False),
                               python_parameters=PythonParameters(port=0, daemonize=True))
    else:
        gateway = JavaGateway(gateway_parameters=GatewayParameters(port=port, auth_token=token))
    client = gateway._gateway_client
    out = sys.stdout
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        op = json.loads(line)
        try:
            kind = op["op"]
            if kind == "call":
                target = JavaObject(op["target"], client)
                result = getattr(target, op["method"])(*[to_python(a, client) for a in op["args"]])
            elif kind == "field_get":
                result = get_field(JavaObject(op["target"], client), op["field"])
            elif kind == "field_set":
                result = set_field(JavaObject(op["target"], client), op["field"], to_python(op["value"], client))
            elif kind == "java_import":
                result = java_import(gateway.jvm, op["name"])
            elif kind == "close":
                client.close()
                result = None
            else:
                raise ValueError("unknown op " + kind)
            reply = {"ok": to_json(result)}
        except BaseException as e:  # every exception is reported: which ones are documented is the fuzzer's oracle
            # str() of a Py4JJavaError asks the gateway for the stack trace (a command of its own): the message is args[0]
            message = e.args[0] if isinstance(e, Py4JJavaError) and e.args else str(e)
            reply = {"error": type(e).__name__, "module": type(e).__module__, "documented": isinstance(e, Py4JError),
                     "message": str(message)[:500]}
        out.write(json.dumps(reply, ensure_ascii=True) + "\n")
        out.flush()
    try:
        gateway.close()
    finally:
        os._exit(0)


if __name__ == "__main__":
    main()
