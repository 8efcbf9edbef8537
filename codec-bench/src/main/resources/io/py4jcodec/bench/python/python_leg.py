"""The Python leg of `py4j-codec compare` (run by codec-bench's PythonLeg, not by hand).

Times py4j 0.10.9.9's own Python code against protobuf-python with py4j-codec's py4j.proto on the
workloads of the Java leg, and writes one JSON result. It imports the real py4j package (found by
PYTHONPATH or installed) and never re-implements what py4j does; the only glue written here is what
stands in for the socket:

  * encode, commands: the client's own objects build and "send" each command (JavaMember.__call__ for
    calls, JavaClass.__call__ for constructors, JVMView/JavaPackage.__getattr__ for `r u`,
    GatewayClient.garbage_collect_object for `m d`; auto_convert off, py4j's default: PySpark turns it on,
    which adds a converter check per argument, the same for any wire format) through a GatewayClient
    whose send_command keeps command.encode("utf-8") (what GatewayConnection.send_command writes) and
    answers without a socket (`yv`, or `yp` for `r u`).
  * decode, answers: GatewayConnection.send_command's reading (readline, UTF-8, "!" dropped) and then
    get_return_value; the reflection answers get_return_value cannot read (p, c, m, o) are read by the
    lookup that asks for them (JVMView.__getattr__, JavaClass.__getattr__).
  * decode, commands: the callback server's reading of a call (CallbackConnection: the command, target
    and method lines, then its own _get_params, which reads each argument with get_return_value).
    The callback server reads only calls, so other commands are left out (the result says how many).
  * protobuf: build + SerializeToString of py4j.proto Frames (each after a varint length, as
    codec-binary frames them); ParseFromString + reading every field into Python values.

The schema comes as a serialized FileDescriptorProto (protobuf-java's descriptor of py4j.proto), loaded
into a descriptor pool at run time: the same classes a generated _pb2.py makes, for any runtime version.

Timing: each (workload, operation) measures its contenders side by side: calibrated batches (at least
--batch-ms each), a warm-up, then --rounds rounds in which every contender runs one batch, the order
rotating each round; the result is the median (and quartiles, min, max) of the per-operation times.
"""
import argparse
import base64
import gc
import io
import json
import os
import platform
import sys
import time
from decimal import Decimal

from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf import __version__ as protobuf_version
from google.protobuf.internal import api_implementation

import py4j.version
from py4j import protocol as proto
from py4j.java_gateway import (CallbackConnection, GatewayClient, GatewayParameters, GatewayProperty,
                               JavaClass, JavaMember, JavaObject, JavaPackage, JVMView, PythonProxyPool)


def message_class(pool, name):
    desc = pool.FindMessageTypeByName(name)
    try:
        from google.protobuf.message_factory import GetMessageClass
        return GetMessageClass(desc)
    except ImportError:  # protobuf < 4.22
        from google.protobuf.message_factory import MessageFactory
        return MessageFactory(pool).GetPrototype(desc)


def varint(n):
    out = bytearray()
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def read_varint(b, i):
    shift = result = 0
    while True:
        x = b[i]
        i += 1
        result |= (x & 0x7F) << shift
        if x < 0x80:
            return result, i
        shift += 7


def split_frames(b):
    out, i = [], 0
    while i < len(b):
        n, i = read_varint(b, i)
        out.append(b[i:i + n])
        i += n
    return out


# ---- the client side of a connection without a socket ------------------------------------------

class SocketlessClient(GatewayClient):
    """A real GatewayClient (memory management, converters, pool) whose connection is not a socket:
    send_command keeps the bytes GatewayConnection.send_command would write, and answers from `answers`
    (a command's first line -> answer) or, when reading, from `stream` as GatewayConnection reads."""

    def __init__(self):
        GatewayClient.__init__(self, gateway_parameters=GatewayParameters(),
                               gateway_property=GatewayProperty(False, PythonProxyPool()))
        # JavaGateway's default (auto_convert=False). PySpark's auto_convert=True runs every argument through
        # py4j's collection converters first (inspect.getattr_static), which costs the same whatever the wire.
        self.converters = None
        self.sent = []
        self.stream = None

    def send_command(self, command, retry=True, binary=False):
        if self.stream is not None:
            # GatewayConnection.send_command's reading of the answer line
            answer = proto.smart_decode(self.stream.readline()[:-1])
            if answer.startswith(proto.RETURN_MESSAGE):
                answer = answer[1:]
            return answer
        self.sent.append(command.encode("utf-8"))
        return "yp" if command.startswith("r\nu\n") else "yv"


# ---- the workloads as py4j's Python client holds them ------------------------------------------

class Model:
    """Converts protobuf Frames (the Java leg's bytes) to what each Python contender starts from."""

    def __init__(self, frame_cls, client):
        self.Frame = frame_cls
        self.client = client

    def value(self, v):
        k = v.WhichOneof("kind")
        if k == "string":
            return v.string
        if k == "string_wtf8":
            return v.string_wtf8.decode("utf-8", "surrogatepass")
        if k in ("integer", "long"):
            return v.integer if k == "integer" else v.long
        if k == "double":
            return v.double
        if k == "boolean":
            return v.boolean
        if k == "bytes":
            return bytearray(v.bytes)
        if k == "unit":
            return None if v.unit == 0 else ("unit", v.unit)
        if k == "decimal":
            return decimal_of(v.decimal)
        if k == "reference_object":
            return JavaObject("o%d" % v.reference_object, self.client)
        if k == "reference":
            return JavaObject(v.reference, self.client)
        raise ValueError("no Python client value for a %s argument" % k)

    def command(self, f):
        """(how py4j's client sends it, arguments) for one command Frame."""
        k = f.WhichOneof("kind")
        if k == "call":
            c = f.call
            t = c.WhichOneof("target")
            target = ("o%d" % c.target_object) if t == "target_object" else \
                ("z:" + c.target_class) if t == "target_class" else c.target_id
            return ("call", target, c.method, [self.value(a) for a in c.arguments])
        if k == "constructor":
            return ("new", f.constructor.class_name, None, [self.value(a) for a in f.constructor.arguments])
        if k == "reflection_unknown":
            jv = f.reflection_unknown.jvm_view
            view = proto.REFERENCE_TYPE + (("o%d" % jv.reference_object) if jv.WhichOneof("kind") == "reference_object"
                                          else jv.reference)
            return ("lookup", f.reflection_unknown.name, view, [])
        if k == "memory_delete":
            o = f.memory_delete
            return ("release", ("o%d" % o.object) if o.WhichOneof("id") == "object" else o.name, None, [])
        raise ValueError("py4j's Python client sends no %s command in these workloads" % k)


def decimal_of(d):
    unscaled = int.from_bytes(d.unscaled, "big", signed=True) if d.unscaled else 0
    if d.negative_zero:
        return Decimal((1, (0,), -d.scale))
    return Decimal(unscaled).scaleb(-d.scale)


def py4j_send(client, cmd):
    """Sends one command the way py4j's client objects do."""
    kind, a, b, args = cmd
    if kind == "call":
        JavaMember(b, None, a, client)(*args)
    elif kind == "new":
        JavaClass(a, client)(*args)
    elif kind == "lookup":
        if "." in a:
            parent, name = a.rsplit(".", 1)
            getattr(JavaPackage(parent, client, jvm_id=b), name)
        else:
            getattr(JVMView(client, "view", id=b), a)
    else:
        client.garbage_collect_object(a)


# ---- protobuf contender --------------------------------------------------------------------------

class Protobuf:
    def __init__(self, frame_cls):
        self.Frame = frame_cls

    @staticmethod
    def put_value(v, x):
        if isinstance(x, str):
            v.string = x
        elif isinstance(x, bool):
            v.boolean = x
        elif isinstance(x, int):
            if -2147483648 <= x <= 2147483647:
                v.integer = x
            else:
                v.long = x
        elif isinstance(x, float):
            v.double = x
        elif isinstance(x, (bytes, bytearray)):
            v.bytes = bytes(x)
        elif x is None:
            v.unit = 0
        elif isinstance(x, JavaObject):
            i = x._target_id
            if i[:1] == "o" and i[1:].isdigit() and (i == "o0" or i[1] != "0"):
                v.reference_object = int(i[1:])
            else:
                v.reference = i
        else:
            raise ValueError("no protobuf value for %r" % (x,))

    def encode(self, cmd):
        kind, a, b, args = cmd
        f = self.Frame()
        if kind == "call":
            c = f.call
            if a.startswith("z:"):
                c.target_class = a[2:]
            elif a[:1] == "o" and a[1:].isdigit() and (a == "o0" or a[1] != "0"):
                c.target_object = int(a[1:])
            else:
                c.target_id = a
            c.method = b
            for x in args:
                self.put_value(c.arguments.add(), x)
        elif kind == "new":
            f.constructor.class_name = a
            for x in args:
                self.put_value(f.constructor.arguments.add(), x)
        elif kind == "lookup":
            r = f.reflection_unknown
            r.name = a
            view = b[1:]
            if view[:1] == "o" and view[1:].isdigit():
                r.jvm_view.reference_object = int(view[1:])
            else:
                r.jvm_view.reference = view
        else:
            if a[:1] == "o" and a[1:].isdigit():
                f.memory_delete.object = int(a[1:])
            else:
                f.memory_delete.name = a
        body = f.SerializeToString()
        return varint(len(body)) + body


def pb_decode_all(Frame, b, count):
    """Reads `count` length-prefixed frames from `b`, every field of each."""
    got, i = [], 0
    for _ in range(count):
        n, i = read_varint(b, i)
        f = Frame()
        f.ParseFromString(b[i:i + n])
        i += n
        got.append(pb_read(f))
    return got


def pb_read_value(v):
    k = v.WhichOneof("kind")
    x = getattr(v, k)
    if k in ("reference_object", "list_object", "array_object", "iterator_object", "map_object", "set_object"):
        return (k, "o%d" % x)
    if k == "decimal":
        return decimal_of(x)
    if k == "unit":
        return ("unit", x)
    if k == "class_member":
        return ("class", x)
    if k == "string_wtf8":
        return x.decode("utf-8", "surrogatepass")
    return x


def pb_read(frame):
    """Every field of one Frame, as Python values."""
    k = frame.WhichOneof("kind")
    m = getattr(frame, k)
    if k in ("success", "error", "fatal"):
        return (k, pb_read_value(m))
    if k == "call":
        t = m.WhichOneof("target")
        return (k, getattr(m, t), m.method, [pb_read_value(a) for a in m.arguments])
    if k == "bare":
        return (k, m)
    raise ValueError("unexpected %s frame" % k)


# ---- what every contender must agree on ----------------------------------------------------------

def norm(x):
    """A comparable form of a decoded value, whichever contender read it."""
    if isinstance(x, JavaObject):
        kind = type(x).__name__
        return ("ref", {"JavaObject": "r", "JavaList": "l", "JavaArray": "t", "JavaMap": "a", "JavaIterator": "g",
                        "JavaSet": "h"}.get(kind, kind), x._get_object_id())
    if isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str) and x[0].endswith("_object"):
        letter = {"reference_object": "r", "list_object": "l", "array_object": "t", "map_object": "a",
                  "iterator_object": "g", "set_object": "h"}[x[0]]
        return ("ref", letter, x[1])
    if isinstance(x, JavaPackage):
        return ("unit", 2)
    if isinstance(x, JavaClass):
        return ("class", x._fqn)
    if isinstance(x, JavaMember):
        return ("unit", 3)
    if isinstance(x, (bytes, bytearray)):
        return ("bytes", bytes(x))
    if isinstance(x, float):
        return ("double", x.hex())
    if isinstance(x, list):
        return [norm(y) for y in x]
    if isinstance(x, BaseException):
        return ("raised", type(x).__name__)
    if x == ("unit", 0) or x == ("unit", 1):
        return None  # null and void both read as None
    return x


# ---- timing ---------------------------------------------------------------------------------------

def measure(contenders, rounds, batch_ms, warmup_ms):
    """contenders: name -> callable doing one whole operation. Per-operation ns samples per contender."""
    batch = {}
    for name, fn in contenders.items():
        n = 1
        while True:
            t0 = time.perf_counter_ns()
            for _ in range(n):
                fn()
            dt = time.perf_counter_ns() - t0
            if dt >= batch_ms * 1e6 or n >= 1 << 20:
                break
            n = n * 2 if dt < batch_ms * 1e5 else max(n + 1, int(n * batch_ms * 1e6 / max(dt, 1) * 1.1))
        batch[name] = n
    end = time.perf_counter() + warmup_ms / 1000.0
    while time.perf_counter() < end:
        for name, fn in contenders.items():
            for _ in range(batch[name]):
                fn()
    samples = {name: [] for name in contenders}
    names = list(contenders)
    gc.collect()
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            fn, n = contenders[name], batch[name]
            t0 = time.perf_counter_ns()
            for _ in range(n):
                fn()
            samples[name].append((time.perf_counter_ns() - t0) / n)
    return samples, batch


def stats(xs):
    s = sorted(xs)

    def q(p):
        k = (len(s) - 1) * p
        f = int(k)
        c = min(f + 1, len(s) - 1)
        return s[f] + (s[c] - s[f]) * (k - f)
    return {"median": q(0.5), "p25": q(0.25), "p75": q(0.75), "min": s[0], "max": s[-1], "rounds": len(s)}


# ---- one workload ---------------------------------------------------------------------------------

def run_workload(w, Frame, args, out, log):
    text = base64.b64decode(w["text"])
    pb_frames = [base64.b64decode(f) for f in w["frames"]]
    frames = []
    for fb in pb_frames:
        f = Frame()
        f.ParseFromString(split_frames(fb)[0])
        frames.append(f)
    client = SocketlessClient()
    model = Model(Frame, client)
    pb = Protobuf(Frame)
    sizes = {}
    entry = {"workload": w["name"], "direction": w["direction"], "messages": len(frames), "results": [], "checks": []}
    load_before = os.getloadavg()

    if w["direction"] == "COMMANDS":
        cmds = [model.command(f) for f in frames]

        def py4j_encode():
            client.sent.clear()
            for c in cmds:
                py4j_send(client, c)
            return client.sent

        def pb_encode():
            return [pb.encode(c) for c in cmds]

        wrote = b"".join(py4j_encode())
        pb_wrote = pb_encode()
        check(entry, "py4j encode writes the workload's bytes", wrote == text, len(wrote), len(text))
        check(entry, "protobuf encode writes the Java leg's bytes", pb_wrote == pb_frames,
              sum(map(len, pb_wrote)), sum(map(len, pb_frames)))
        sizes = {"py4j": len(wrote), "protobuf": sum(map(len, pb_wrote))}
        timed(entry, "encode", {"py4j": py4j_encode, "protobuf": pb_encode}, len(cmds), args, log, w["name"])

        # the callback server's direction: it reads calls (only calls)
        calls = [i for i, c in enumerate(cmds) if c[0] == "call"]
        call_text = b"".join(py4j_bytes(client, cmds[i]) for i in calls)
        call_frames = b"".join(pb_frames[i] for i in calls)
        conn = CallbackConnection(client.gateway_property.pool, None, None, client, None, None)

        def py4j_decode():
            stream = io.BytesIO(call_text)
            got = []
            for _ in calls:
                proto.smart_decode(stream.readline())[:-1]           # command (c)
                target = proto.smart_decode(stream.readline())[:-1]  # target id
                method = proto.smart_decode(stream.readline())[:-1]
                got.append((target, method, conn._get_params(stream)))
            return got

        def pb_decode():
            return pb_decode_all(Frame, call_frames, len(calls))

        expect = [[norm(a) for a in cmds[i][3]] for i in calls]
        check(entry, "py4j's callback reading gives every argument", [norm(g[2]) for g in py4j_decode()] == expect)
        check(entry, "protobuf reading gives every argument", [norm(g[3]) for g in pb_decode()] == expect)
        timed(entry, "decode", {"py4j": py4j_decode, "protobuf": pb_decode}, len(calls), args, log, w["name"])
    else:
        lines = text.split(b"\n")[:-1]
        forms = [l[2:3].decode() for l in lines]  # the type letter after !y / !x

        def py4j_decode():
            client.stream = io.BytesIO(text)
            got = []
            for form in forms:
                try:
                    if form == "p" or form == "c":
                        got.append(getattr(JVMView(client, "view", id=proto.DEFAULT_JVM_ID), "x"))
                    elif form == "m" or form == "o":
                        got.append(getattr(JavaClass("x", client), "x"))
                    else:
                        got.append(proto.get_return_value(client.send_command(None), client))
                except Exception as e:  # how py4j's reader signals an error answer (and a missing member)
                    got.append(e)
            client.stream = None
            return got

        all_frames = b"".join(pb_frames)

        def pb_decode():
            return pb_decode_all(Frame, all_frames, len(pb_frames))

        # what each answer holds; py4j's reader raises for an error answer, and its JavaClass.__getattr__
        # reads a no-member answer (yo) by failing with KeyError ('o' has no output converter)
        expect = [norm(pb_read_value(f.success)) if f.WhichOneof("kind") == "success" else ("raised", "Py4JJavaError")
                  for f in frames]
        py_expect = [("raised", "KeyError") if e == ("unit", 4) else e for e in expect]
        py = [norm(x) for x in py4j_decode()]
        pbv = [norm(r[1]) if r[0] == "success" else ("raised", "Py4JJavaError") for r in pb_decode()]
        check(entry, "py4j reads every answer's value", py == py_expect, detail=None if py == py_expect else repr(
            [(i, a, b) for i, (a, b) in enumerate(zip(py, py_expect)) if a != b][:3]))
        check(entry, "protobuf reads every answer's value", pbv == expect)
        sizes = {"py4j": len(text), "protobuf": sum(map(len, pb_frames))}
        timed(entry, "decode", {"py4j": py4j_decode, "protobuf": pb_decode}, len(frames), args, log, w["name"])
    entry["sizes"] = sizes
    entry["load_before"] = list(load_before)
    entry["load_after"] = list(os.getloadavg())
    out.append(entry)


def py4j_bytes(client, cmd):
    client.sent.clear()
    py4j_send(client, cmd)
    return client.sent[0]


def check(entry, what, ok, got=None, want=None, detail=None):
    c = {"check": what, "ok": bool(ok)}
    if got is not None:
        c["got"] = got
        c["want"] = want
    if detail:
        c["detail"] = detail
    entry["checks"].append(c)
    if not ok:
        raise SystemExit("python leg: %s: %s failed (%s)" % (entry["workload"], what, detail or "%s vs %s" % (got, want)))


def timed(entry, op, contenders, messages, args, log, name):
    samples, batch = measure(contenders, args.rounds, args.batch_ms, args.warmup_ms)
    for c, xs in samples.items():
        r = {"op": op, "contender": c, "messages": messages, "batch": batch[c]}
        r.update({k + ("_ns" if k != "rounds" else ""): v for k, v in stats(xs).items()})
        entry["results"].append(r)
        log("%-22s %-7s %-9s %12.0f ns (p25 %.0f, p75 %.0f)" % (name, op, c, r["median_ns"], r["p25_ns"], r["p75_ns"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--descriptor", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("--batch-ms", type=float, default=3.0)
    ap.add_argument("--warmup-ms", type=float, default=100.0)
    args = ap.parse_args()

    pool = descriptor_pool.DescriptorPool()
    with open(args.descriptor, "rb") as f:
        pool.Add(descriptor_pb2.FileDescriptorProto.FromString(f.read()))
    Frame = message_class(pool, "py4j.binary.v1.Frame")
    with open(args.input, "r", encoding="utf-8") as f:
        workloads = json.load(f)["workloads"]

    def log(s):
        sys.stderr.write("compare (python): " + s + "\n")
        sys.stderr.flush()

    started = time.time()
    load_start = os.getloadavg()
    out = []
    for w in workloads:
        run_workload(w, Frame, args, out, log)
    result = {
        "python": platform.python_implementation() + " " + platform.python_version(),
        "executable": sys.executable,
        "py4j": py4j.version.__version__,
        "py4j_path": os.path.dirname(os.path.dirname(os.path.abspath(proto.__file__))),
        "protobuf": protobuf_version,
        "protobuf_backend": api_implementation.Type(),
        "settings": {"rounds": args.rounds, "batch_ms": args.batch_ms, "warmup_ms": args.warmup_ms},
        "load_start": list(load_start),
        "load_end": list(os.getloadavg()),
        "seconds": round(time.time() - started, 1),
        "workloads": out,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
