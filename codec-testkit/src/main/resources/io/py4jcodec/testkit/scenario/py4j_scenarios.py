"""Scenario suite for a Py4J gateway, driven by the real py4j Python client.

Run by io.py4jcodec.testkit.scenario.ScenarioSuite against any gateway serving
io.py4jcodec.testkit.scenario.ScenarioEntryPoint (py4j's own GatewayServer, or ours):

    python3 py4j_scenarios.py --port P [--auth-token T] [--mode gateway|clientserver] [--scenarios a,b,...]

--mode gateway (GatewayServer mode) connects a JavaGateway with a callback server; --mode clientserver
connects a ClientServer (pinned threads: each Python thread has its own connection and Java thread).

Prints one JSON line per scenario: {"scenario": name, "observed": {...}, "failures": [...]}.
"observed" is what the Python client could see (values and their Python types, exception types and
messages); it is compared between gateways by the Java side, which also normalises what legitimately
varies (object ids, identity hash codes, gateway-internal stack frames). "failures" lists the checks
of this script that did not hold: what py4j documents or does. Uses only the standard library and the
py4j package on PYTHONPATH.
"""

import argparse
import decimal
import gc
import json
import math
import os
import sys
import threading
import time
import traceback

from py4j.clientserver import ClientServer, JavaParameters, PythonParameters
from py4j.java_collections import (
    JavaArray, JavaIterator, JavaList, JavaMap, JavaSet, ListConverter,
    MapConverter, SetConverter)
from py4j.java_gateway import (
    CallbackServerParameters, GatewayParameters, JavaClass, JavaGateway,
    JavaMember, JavaObject, JavaPackage, JVMView, get_field, get_java_class,
    get_method, is_instance_of, java_import, set_field)
from py4j.protocol import (
    Py4JAuthenticationError, Py4JError, Py4JJavaError, Py4JNetworkError)
import py4j.version

PKG = "io.py4jcodec.testkit.scenario"
CALLBACK = PKG + ".ScenarioCallback"
#: Every wait in this script is bounded by this many seconds.
WAIT = 10.0


# ---- describing what the client observes -----------------------------------------------------

def desc(v, depth=0):
    """A JSON-able description of a value as the Python client sees it: its Python type and value."""
    if depth > 4:
        return ["...", type(v).__name__]
    if v is None:
        return None
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        return ["float", repr(v)]
    if isinstance(v, decimal.Decimal):
        return ["Decimal", str(v)]
    if isinstance(v, str):
        return ["str", v]
    if isinstance(v, (bytes, bytearray)):
        return [type(v).__name__, v.hex()]
    if isinstance(v, JavaList):
        return ["JavaList", [desc(x, depth + 1) for x in v]]
    if isinstance(v, JavaArray):
        return ["JavaArray", [desc(x, depth + 1) for x in v]]
    if isinstance(v, JavaMap):
        return ["JavaMap", [[desc(k, depth + 1), desc(v[k], depth + 1)] for k in v]]
    if isinstance(v, JavaSet):
        return ["JavaSet", sorted(json.dumps(desc(x, depth + 1)) for x in v)]
    if isinstance(v, JavaIterator):
        return ["JavaIterator"]
    if isinstance(v, JavaObject):
        return ["JavaObject", v.getClass().getName(), str(v)]
    if isinstance(v, JavaClass):
        return ["JavaClass", v._fqn]
    if isinstance(v, JavaPackage):
        return ["JavaPackage", v._fqn]
    if isinstance(v, JavaMember):
        return ["JavaMember", v.name]
    if isinstance(v, JVMView):
        return ["JVMView"]
    if isinstance(v, (list, tuple)):
        return [type(v).__name__, [desc(x, depth + 1) for x in v]]
    if isinstance(v, Callback):
        return ["Callback", v.name]
    return [type(v).__name__, repr(v)]


def error(e):
    """What the client sees of an exception: its type, its message, and for a Java exception the
    Java class and message read through e.java_exception (two more calls into Java)."""
    d = {"type": type(e).__name__, "message": str(e)}
    if isinstance(e, Py4JJavaError):
        je = e.java_exception
        d["java_class"] = je.getClass().getName()
        d["java_message"] = je.getMessage()
        d["java_exception_type"] = type(je).__name__
    return d


def outcome(fn):
    try:
        return {"value": desc(fn())}
    except Exception as e:  # the exception is the observation
        return {"raised": error(e)}


class Scenario(object):
    def __init__(self, name):
        self.name = name
        self.observed = {}
        self.failures = []

    def see(self, key, fn):
        """Records the outcome of fn() under key, and returns it."""
        o = outcome(fn)
        self.observed[key] = o
        return o

    def check(self, cond, what):
        if not cond:
            self.failures.append(what)

    def value(self, key, fn, expected):
        """Records fn()'s outcome and checks that it returned expected (compared in Python)."""
        try:
            v = fn()
        except Exception as e:
            self.observed[key] = {"raised": error(e)}
            self.failures.append("%s raised %s" % (key, type(e).__name__))
            return None
        self.observed[key] = {"value": desc(v)}
        ok = (v == expected) if not (isinstance(expected, float) and math.isnan(expected)) \
            else (isinstance(v, float) and math.isnan(v))
        if isinstance(expected, float) and expected == 0.0 and ok:
            ok = math.copysign(1.0, v) == math.copysign(1.0, expected)
        self.check(ok, "%s: expected %r, got %r" % (key, expected, v))
        self.check(type(v) is type(expected) or expected is None,
                   "%s: expected a %s, got a %s" % (key, type(expected).__name__, type(v).__name__))
        return v

    def raises(self, key, fn, exc_type, contains=None):
        """Records fn()'s outcome and checks that it raised exc_type (with contains in its message)."""
        o = self.see(key, fn)
        if "raised" not in o:
            self.failures.append("%s: expected %s, returned %r" % (key, exc_type.__name__, o["value"]))
        else:
            r = o["raised"]
            self.check(r["type"] == exc_type.__name__,
                       "%s: expected %s, raised %s: %s" % (key, exc_type.__name__, r["type"], r["message"][:300]))
            if contains is not None:
                self.check(contains in r["message"],
                           "%s: %r not in %r" % (key, contains, r["message"][:300]))
        return o


# ---- Python objects implementing Java interfaces --------------------------------------------

class Callback(object):
    """Implements ScenarioCallback; see its Javadoc for what each method answers."""

    def __init__(self, ctx, name="cb", barrier=None):
        self.ctx = ctx
        self.name = name
        self.barrier = barrier
        self.concurrent = True

    def call(self, arg):
        if arg == "raise":
            raise ValueError("raised in Python")
        if self.barrier is not None:
            try:
                self.barrier.wait(WAIT)
            except threading.BrokenBarrierError:
                self.concurrent = False
                return "py:" + arg + ":not concurrent"
        return "py:" + arg

    def bounce(self, depth):
        return "p%d>" % depth + self.ctx.ep.bounce(self, depth)

    def accept(self, value):
        return json.dumps(desc(value), sort_keys=True)

    def produce(self, kind):
        return {
            "int": lambda: 7,
            "long": lambda: 2 ** 40,
            "float": lambda: 2.5,
            "nan": lambda: float("nan"),
            "-inf": lambda: float("-inf"),
            "str": lambda: "a\nb\\c\u00e9\U0001F600",
            "none": lambda: None,
            "true": lambda: True,
            "bytes": lambda: bytearray(b"\x00\xff"),
            "decimal": lambda: decimal.Decimal("1.25"),
            "javaobject": lambda: self.ctx.ep.handOut("produced"),
            "proxy": lambda: self,
            "pylist": lambda: [1, 2],
            "raise": lambda: (_ for _ in ()).throw(KeyError("produce failed")),
        }[kind]()

    class Java:
        implements = [CALLBACK]


class PyRunnable(object):
    def __init__(self):
        self.ran = threading.Event()

    def run(self):
        self.ran.set()

    class Java:
        implements = ["java.lang.Runnable"]


class ByLength(object):
    def compare(self, a, b):
        return (len(a) > len(b)) - (len(a) < len(b))

    class Java:
        implements = ["java.util.Comparator"]


# ---- the scenarios -------------------------------------------------------------------------------

class Context(object):
    def __init__(self, args, gateway):
        self.args = args
        self.gateway = gateway
        self.ep = gateway.entry_point
        self.jvm = gateway.jvm
        self.client = gateway._gateway_client


SCENARIOS = []
MODES = ("gateway", "clientserver")


def scenario(fn, modes=MODES):
    fn.modes = modes
    SCENARIOS.append(fn)
    return fn


def clientserver_only(fn):
    return scenario(fn, ("clientserver",))


def connect(mode, port, token, read_timeout, python_token=None, python_server=True, **options):
    """A client of the gateway on port, of the mode's kind, with a Python server on an ephemeral port
    (requiring python_token) unless python_server is False; options go to Java/GatewayParameters."""
    if mode == "clientserver":
        return ClientServer(
            java_parameters=JavaParameters(port=port, auth_token=token, read_timeout=read_timeout, **options),
            python_parameters=PythonParameters(
                port=0, daemonize=True, daemonize_connections=True, auth_token=python_token,
                eager_load=python_server))
    return JavaGateway(
        gateway_parameters=GatewayParameters(port=port, auth_token=token, read_timeout=read_timeout, **options),
        callback_server_parameters=CallbackServerParameters(
            port=0, daemonize=True, daemonize_connections=True, auth_token=python_token,
            eager_load=python_server))


def announce_python_port(gateway, port=None):
    """Tells Java where the Python server listens, the way PySpark does."""
    server = gateway.java_gateway_server
    server.resetCallbackClient(server.getCallbackClient().getAddress(),
                               port if port is not None else gateway.get_callback_server().get_listening_port())


@scenario
def values(s, c):
    ep = c.ep
    for v in (0, 1, -1, 2 ** 31 - 1, -2 ** 31):
        s.value("echoInt(%d)" % v, lambda: ep.echoInt(v), v)
    s.raises("echoInt(2**31)", lambda: ep.echoInt(2 ** 31), Py4JError)
    for v in (5, 2 ** 40, -2 ** 63, 2 ** 63 - 1):
        s.value("echoLong(%d)" % v, lambda: ep.echoLong(v), v)
    s.see("echoLong(2**63)", lambda: ep.echoLong(2 ** 63))
    s.see("echoObject(2**70)", lambda: ep.echoObject(2 ** 70))
    for v in (0.1, -0.0, 1e308, 5e-324, 1.5, float("inf"), float("-inf"), float("nan")):
        s.value("echoDouble(%r)" % v, lambda: ep.echoDouble(v), v)
    s.see("echoDouble(int 3)", lambda: ep.echoDouble(3))
    for kind, v in (("nan", float("nan")), ("inf", float("inf")), ("-inf", float("-inf")),
                    ("-0.0", -0.0), ("max", 1.7976931348623157e308), ("min", 5e-324),
                    ("tenth", 0.1), ("1e22", 1e22)):
        s.value("specialDouble(%s)" % kind, lambda: ep.specialDouble(kind), v)
    s.value("echoBoolean(True)", lambda: ep.echoBoolean(True), True)
    s.value("echoBoolean(False)", lambda: ep.echoBoolean(False), False)
    for v in ("1.10", "-0", "1E+3", "-123456789012345678901234567890.123456789", "0.000"):
        s.value("echoDecimal(%s)" % v, lambda: ep.echoDecimal(decimal.Decimal(v)), decimal.Decimal(v))
    s.see("returnDecimal()", ep.returnDecimal)
    for v in ("", "plain", "a\nb", "cr\rlf\r\n", "back\\slash", "\\n literal", "trailing\\",
              "tab\there", "\u00e9\u00df\u4e2d\u6587", "\U0001F600\U0001D11E", "nul\x00byte",
              "quote\"'", "x" * 100000):
        s.value("echoString(%r)" % v[:20], lambda: ep.echoString(v), v)
    expected_strings = {
        "escapes": "a\\nb\\\\c\\rd\\",
        "newlines": "line1\nline2\r\nline3\r",
        "controls": "\t\x00\x01\x1f\x7f",
        "non-ascii": "\u00e9\u00df\u4e2d\u6587 \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
        "surrogates": "\U0001F600 \U0001D11E",
        "empty": "",
        "long": "x" * 100000,
    }
    for kind, v in sorted(expected_strings.items()):
        s.value("specialString(%s)" % kind, lambda: ep.specialString(kind), v)
    # Java cannot write a lone surrogate as UTF-8: what the client then receives is the gateway's choice
    # made observable (py4j's writer substitutes '?').
    s.see("specialString(lone-surrogate)", lambda: ep.specialString("lone-surrogate"))
    s.value("stringLength(surrogate pair)", lambda: ep.stringLength("\U0001F600"), 2)
    s.value("utf8Length(non-ascii)", lambda: ep.utf8Length("\u00e9\U0001F600"), 6)
    everything = bytes(range(256))  # py4j answers byte[] as bytes on Python 3
    s.value("echoBytes(all 256)", lambda: ep.echoBytes(everything), everything)
    s.value("echoBytes(bytes)", lambda: ep.echoBytes(b"\x00\xff\n"), b"\x00\xff\n")
    s.value("echoBytes(bytearray)", lambda: ep.echoBytes(bytearray(b"\x01")), b"\x01")
    s.value("echoBytes(empty)", lambda: ep.echoBytes(bytearray()), b"")
    s.value("allBytes()", ep.allBytes, everything)
    s.value("emptyBytes()", ep.emptyBytes, b"")
    s.value("bytesLength(1 MiB)", lambda: ep.bytesLength(bytearray(1 << 20)), 1 << 20)
    s.value("echoChar('x')", lambda: ep.echoChar("x"), "x")
    s.value("echoChar(e-acute)", lambda: ep.echoChar("\u00e9"), "\u00e9")
    s.see("echoChar('xy')", lambda: ep.echoChar("xy"))
    s.value("returnChar()", ep.returnChar, "\u00e9")
    s.value("returnBoxedChar()", ep.returnBoxedChar, "\n")
    s.value("echoObject(None)", lambda: ep.echoObject(None), None)
    for v in (1, "s", 1.5, True, b"b"):
        s.value("echoObject(%r)" % (v,), lambda: ep.echoObject(v), v)
    s.value("doNothing()", ep.doNothing, None)
    s.value("returnsNull()", ep.returnsNull, None)
    s.value("boxedNull()", ep.boxedNull, None)
    s.see("returnFloat()", ep.returnFloat)
    s.value("returnShort()", ep.returnShort, -7)
    s.value("returnByte()", ep.returnByte, -128)
    s.value("returnSmallLong()", ep.returnSmallLong, 5)
    s.value("returnBigLong()", ep.returnBigLong, -2 ** 63)
    for v in (1, 2 ** 40, 1.5, True, "s", decimal.Decimal("1.5"), bytearray(b"ab"), b"cd", None, -0.0,
              float("nan")):
        s.see("describe(%r)" % (v,), lambda: ep.describe(v))
    s.see("describeAll(1, 's', None)", lambda: ep.describeAll(1, "s", None))


@scenario
def overloads(s, c):
    ep = c.ep
    for label, args in (("()", ()), ("(1)", (1,)), ("(2**40)", (2 ** 40,)), ("(1.5)", (1.5,)),
                        ("(True)", (True,)), ("('s')", ("s",)), ("('c')", ("c",)),
                        ("(bytearray)", (bytearray(b"x"),)), ("(None)", (None,)),
                        ("(JavaList)", (ep.list(),)), ("(JavaMap)", (ep.map(),)),
                        ("(Decimal)", (decimal.Decimal("1"),)),
                        ("(1, 2)", (1, 2)), ("(1, 's')", (1, "s")), ("('s', 1)", ("s", 1)),
                        ("(None, None)", (None, None)), ("(1, 2, 3)", (1, 2, 3))):
        s.see("over" + label, lambda: ep.over(*args))
    s.check(s.observed["over(1)"].get("value") == ["str", "(int)"], "over(1) should pick over(int)")
    s.check(s.observed["over('s')"].get("value") == ["str", "(String)"], "over('s') should pick over(String)")
    s.see("wide(1)", lambda: ep.wide(1))
    s.see("wide(1.5)", lambda: ep.wide(1.5))
    s.see("boxed(3)", lambda: ep.boxed(3))
    s.see("boxed(None)", lambda: ep.boxed(None))
    s.raises("boxed('s')", lambda: ep.boxed("s"), Py4JError, "boxed")


@scenario
def jvm_views(s, c):
    jvm, ep, gw = c.jvm, c.ep, c.gateway
    F = jvm.io.py4jcodec.testkit.scenario.ScenarioFixture
    s.see("type(jvm)", lambda: type(jvm).__name__)
    s.value("type(jvm.java)", lambda: type(jvm.java).__name__, "JavaPackage")
    s.value("type(jvm.java.lang.String)", lambda: type(jvm.java.lang.String).__name__, "JavaClass")
    s.value("Math.max(3, 7)", lambda: jvm.java.lang.Math.max(3, 7), 7)
    s.value("Math.abs(-2.5)", lambda: jvm.java.lang.Math.abs(-2.5), 2.5)
    s.value("Integer.MAX_VALUE", lambda: jvm.java.lang.Integer.MAX_VALUE, 2 ** 31 - 1)
    s.value("Long.MIN_VALUE", lambda: jvm.java.lang.Long.MIN_VALUE, -2 ** 63)
    s.value("Integer.parseInt('12')", lambda: jvm.java.lang.Integer.parseInt("12"), 12)
    s.value("String.valueOf(3.5)", lambda: jvm.java.lang.String.valueOf(3.5), "3.5")
    s.value("String.join", lambda: jvm.java.lang.String.join("-", ep.list()), "b-a-c-a")
    s.value("Integer(5)", lambda: jvm.java.lang.Integer(5), 5)
    s.value("F.staticHello", lambda: F.staticHello("py"), "hello py")
    s.value("F.staticAdd", lambda: F.staticAdd(2, 3), 5)
    s.value("F.CONSTANT", lambda: F.CONSTANT, "constant\nvalue")
    s.value("F.STATIC_NUMBER", lambda: F.STATIC_NUMBER, 42)
    s.raises("F.NO_SUCH_STATIC", lambda: F.NO_SUCH_STATIC(), Py4JError)
    s.value("F.Inner('v').value()", lambda: F.Inner("v").value(), "inner:v")
    s.value("F().describe()", lambda: F().describe(), "none/-1")
    s.value("F('lbl').describe()", lambda: F("lbl").describe(), "lbl/0")
    s.value("F(5).describe()", lambda: F(5).describe(), "int/5")
    s.value("F('x', 9).describe()", lambda: F("x", 9).describe(), "x/9")
    s.value("F(False).describe()", lambda: F(False).describe(), "ok/0")
    s.raises("F(1, 2, 3)", lambda: F(1, 2, 3), Py4JError)
    s.value("StringBuilder", lambda: jvm.java.lang.StringBuilder("ab").append("c").append(1).toString(), "abc1")
    s.value("SimpleEntry", lambda: jvm.java.util.AbstractMap.SimpleEntry("k", "v").getValue(), "v")
    java_import(jvm, "java.util.concurrent.atomic.AtomicInteger")
    # an AtomicInteger is a Number: py4j answers its value, not a reference
    s.value("imported AtomicInteger", lambda: jvm.AtomicInteger(4), 4)
    java_import(jvm, "java.util.concurrent.atomic.AtomicBoolean")
    s.value("imported AtomicBoolean", lambda: jvm.AtomicBoolean(True).getAndSet(False), True)
    java_import(jvm, "java.util.*")
    s.value("wildcard TreeMap", lambda: type(jvm.TreeMap()).__name__, "JavaMap")
    view = gw.new_jvm_view("second view")
    java_import(view, "java.util.concurrent.ConcurrentLinkedQueue")
    s.value("view import", lambda: type(view.ConcurrentLinkedQueue).__name__, "JavaClass")
    s.value("view import not in default view", lambda: type(jvm.ConcurrentLinkedQueue).__name__, "JavaPackage")
    s.value("view has default imports", lambda: view.String.valueOf(1), "1")
    s.see("unknown class", lambda: jvm.no.such.Thing)
    # Python looks __call__ up on the type, so JavaPackage's "Trying to call a package." never shows
    s.raises("calling a package", lambda: jvm.no.such.Thing(), TypeError)
    f = F("x", 3)
    s.value("get_field number", lambda: get_field(f, "number"), 3)
    s.value("get_field label", lambda: get_field(f, "label"), "x")
    s.see("set_field number", lambda: set_field(f, "number", 11))
    s.value("after set_field", lambda: f.describe(), "x/11")
    s.see("set_field label None", lambda: set_field(f, "label", None))
    s.value("after set_field None", lambda: f.describe(), "null/11")
    s.raises("get_field nosuch", lambda: get_field(f, "nosuch"), Py4JError)
    s.raises("set_field wrong type", lambda: set_field(f, "number", "eleven"), Py4JError)
    s.see("f.number without auto_field", lambda: f.number)
    s.value("get_method", lambda: get_method(f, "describe")(), "null/11")
    s.value("is_instance_of class", lambda: is_instance_of(gw, f, F), True)
    s.value("is_instance_of name", lambda: is_instance_of(gw, f, "java.lang.Object"), True)
    s.value("is_instance_of List", lambda: is_instance_of(gw, ep.list(), "java.util.List"), True)
    s.value("is_instance_of not", lambda: is_instance_of(gw, f, "java.util.List"), False)
    s.value("get_java_class", lambda: get_java_class(F).getName(), PKG + ".ScenarioFixture")
    s.value("equals via ==", lambda: F("a", 1) == F("a", 1), True)
    s.value("not equals", lambda: F("a", 1) == F("a", 2), False)
    s.value("hash", lambda: hash(F("a", 1)) == F("a", 1).hashCode(), True)
    s.value("str", lambda: str(F("a", 1)), "ScenarioFixture(a, 1)")
    s.see("repr", lambda: repr(F("a", 1)))
    s.see("str(Object())", lambda: str(jvm.java.lang.Object()))
    s.value("chained calls", lambda: F("c", 0).record("1").record("2").log().size(), 2)
    arr = gw.new_array(jvm.int, 3)
    s.see("new_array int", lambda: arr)
    arr2 = gw.new_array(jvm.java.lang.String, 2, 2)
    s.see("new_array String[2][2]", lambda: arr2)
    s.value("GATEWAY_SERVER.getListeningPort",
            lambda: gw.java_gateway_server.getListeningPort() == c.args.port, True)
    s.value("GATEWAY_SERVER callback port",
            lambda: gw.java_gateway_server.getCallbackClient().getPort() ==
            gw.get_callback_server().get_listening_port(), True)


@scenario
def lists(s, c):
    ep, client = c.ep, c.client
    l = ep.list()
    s.value("type", lambda: type(l).__name__, "JavaList")
    s.value("len", lambda: len(l), 4)
    s.value("[0]", lambda: l[0], "b")
    s.value("[-1]", lambda: l[-1], "a")
    s.raises("[10]", lambda: l[10], IndexError)
    s.see("[1:3]", lambda: l[1:3])
    s.see("[::2]", lambda: l[::2])
    s.see("[::-1]", lambda: l[::-1])
    s.value("in", lambda: "c" in l, True)
    s.value("not in", lambda: "z" in l, False)
    s.value("count", lambda: l.count("a"), 2)
    s.value("index", lambda: l.index("c"), 2)
    s.see("index missing", lambda: l.index("zz"))
    s.value("list()", lambda: list(l), ["b", "a", "c", "a"])
    s.value("str", lambda: str(l), "['b', 'a', 'c', 'a']")
    s.see("repr", lambda: repr(l))
    s.see("append", lambda: l.append("d"))
    s.see("insert", lambda: l.insert(0, "z"))
    s.see("extend", lambda: l.extend(ep.list()))
    s.see("after growing", lambda: l)
    s.see("pop()", lambda: l.pop())
    s.see("pop(0)", lambda: l.pop(0))
    s.see("remove", lambda: l.remove("a"))
    s.see("remove missing", lambda: l.remove("zz"))
    s.see("sort", lambda: l.sort())
    s.see("after sort", lambda: l)
    s.see("reverse", lambda: l.reverse())
    s.see("after reverse", lambda: l)
    s.see("setitem", lambda: l.__setitem__(0, "Q"))
    s.see("setitem slice", lambda: l.__setitem__(slice(1, 2), ["r", "s"]))
    s.see("delitem", lambda: l.__delitem__(0))
    s.see("delitem slice", lambda: l.__delitem__(slice(0, 2)))
    s.see("after edits", lambda: l)
    s.see("+", lambda: ep.list() + ep.list())
    s.see("*", lambda: ep.list() * 2)
    s.see("==", lambda: ep.list() == ep.list())
    s.value("empty len", lambda: len(ep.emptyList()), 0)
    s.value("empty bool", lambda: bool(ep.emptyList()), False)
    s.raises("unmodifiable append", lambda: ep.unmodifiableList().append("z"), Py4JJavaError)
    s.see("mixedList", ep.mixedList)
    s.see("nestedList", ep.nestedList)
    s.see("nested element type", lambda: type(ep.nestedList()[0]).__name__)
    converted = ListConverter().convert([1, 2, 3], client)
    s.value("ListConverter type", lambda: type(converted).__name__, "JavaList")
    s.value("sum(converted)", lambda: ep.sum(converted), 6)
    s.value("iterate", lambda: [x for x in ep.list()], ["b", "a", "c", "a"])


@scenario
def maps_and_sets(s, c):
    ep, client = c.ep, c.client
    m = ep.map()
    s.value("type", lambda: type(m).__name__, "JavaMap")
    s.value("len", lambda: len(m), 3)
    s.value("['one']", lambda: m["one"], 1)
    s.see("['missing']", lambda: m["missing"])
    s.see("get missing", lambda: m.get("missing", "default"))
    s.value("in", lambda: "two" in m, True)
    s.value("keys in order", lambda: list(m), ["one", "two", "three"])
    s.value("items", lambda: sorted(m.items()), [("one", 1), ("three", 3), ("two", 2)])
    s.value("values", lambda: sorted(m.values()), [1, 2, 3])
    s.see("setitem", lambda: m.__setitem__("four", 4))
    s.see("delitem", lambda: m.__delitem__("one"))
    s.see("delitem missing", lambda: m.__delitem__("missing"))
    s.see("after edits", lambda: m)
    s.see("str", lambda: str(m))
    s.see("repr", lambda: repr(m))
    converted = MapConverter().convert({"a": 1, "b": None}, client)
    s.value("MapConverter", lambda: ep.describeMap(converted), "java.util.HashMap:{a=1, b=null}")
    st = ep.set()
    s.value("set type", lambda: type(st).__name__, "JavaSet")
    s.value("set len", lambda: len(st), 3)
    s.value("set iterate", lambda: list(st), ["a", "b", "c"])
    s.value("set in", lambda: "a" in st, True)
    s.see("set add", lambda: st.add("d"))
    s.see("set discard", lambda: st.discard("a"))
    s.see("set discard missing", lambda: st.discard("zz"))
    s.raises("set remove missing", lambda: st.remove("zz"), KeyError)
    s.see("set after edits", lambda: st)
    s.see("set str", lambda: str(st))
    s.see("set clear", lambda: st.clear())
    s.value("set len after clear", lambda: len(st), 0)
    converted_set = SetConverter().convert({"x", "y"}, client)
    s.value("SetConverter", lambda: ep.describeSet(converted_set), "java.util.HashSet:[x, y]")


@scenario
def arrays_and_iterators(s, c):
    ep, gw, jvm = c.ep, c.gateway, c.jvm
    a = ep.intArray()
    s.value("type", lambda: type(a).__name__, "JavaArray")
    s.value("len", lambda: len(a), 3)
    s.value("[0]", lambda: a[0], 3)
    s.value("[-1]", lambda: a[-1], 2)
    s.raises("[5]", lambda: a[5], IndexError)
    s.see("[0:2]", lambda: a[0:2])
    s.see("[::-1]", lambda: a[::-1])
    s.value("list()", lambda: list(a), [3, 1, 2])
    s.see("setitem", lambda: a.__setitem__(1, 9))
    s.value("after setitem", lambda: list(a), [3, 9, 2])
    s.see("setitem wrong type", lambda: a.__setitem__(0, "x"))
    s.see("setitem slice", lambda: a.__setitem__(slice(0, 2), [7, 8]))
    s.see("after setitem slice", lambda: list(a))
    s.see("arraySum", lambda: ep.arraySum(a))
    s.value("stringArray", lambda: list(ep.stringArray()), ["x", None, "z"])
    mx = ep.matrix()
    s.value("matrix len", lambda: len(mx), 2)
    s.value("matrix row type", lambda: type(mx[0]).__name__, "JavaArray")
    s.value("matrix row", lambda: list(mx[1]), [3, 4, 5])
    arr = gw.new_array(jvm.java.lang.String, 2)
    arr[0] = "first"
    s.value("new_array describe", lambda: ep.describe(arr), "[Ljava.lang.String;:[first, null]")
    ints = gw.new_array(jvm.int, 2)
    ints[1] = 5
    s.value("new_array int describe", lambda: ep.describe(ints), "[I:[0, 5]")
    it = ep.iterator()
    s.value("iterator type", lambda: type(it).__name__, "JavaIterator")
    s.value("iterator list", lambda: list(it), ["i1", "i2", "i3"])
    s.raises("iterator exhausted", lambda: next(it), StopIteration)
    it2 = ep.iterator()
    s.value("next", lambda: next(it2), "i1")
    s.value("it.next()", lambda: it2.next(), "i2")


@scenario
def auto_convert_and_field(s, c):
    """PySpark connects with auto_convert=True: Python collections become Java ones on the way in."""
    g = connect(c.args.mode, c.args.port, c.args.auth_token, WAIT, python_server=False,
                auto_convert=True, auto_field=True)
    try:
        ep = g.entry_point
        F = g.jvm.io.py4jcodec.testkit.scenario.ScenarioFixture
        s.value("sum(list)", lambda: ep.sum([1, 2, 3]), 6)
        s.value("sum(tuple)", lambda: ep.sum((4, 5)), 9)
        s.see("describeMap(dict)", lambda: ep.describeMap({"a": 1, "b": None}))
        s.see("describeSet(set)", lambda: ep.describeSet({"x", "y"}))
        s.see("over(list)", lambda: ep.over([1, 2]))
        s.see("echoObject(list)", lambda: ep.echoObject([1, "two", None]))
        s.see("echoObject(dict)", lambda: ep.echoObject({"k": [1]}))
        s.see("echoObject(bytearray)", lambda: ep.echoObject(bytearray(b"\x01")))
        s.see("String.join(list)", lambda: g.jvm.java.lang.String.join(",", ["a", "b"]))
        f = F("auto", 5)
        s.value("auto_field int", lambda: f.number, 5)
        s.value("auto_field str", lambda: f.label, "auto")
        s.value("auto_field static", lambda: F.STATIC_NUMBER, 42)
        s.see("auto_field missing", lambda: f.nosuch)
        s.value("method still callable", lambda: f.describe(), "auto/5")
        s.see("dir with auto_field", lambda: sorted(dir(f)))
    finally:
        g.close()


@scenario
def streams(s, c):
    ep = c.ep
    def read_stream(n):
        with ep.streamBytes.stream(n) as guard:
            data = b""
            while len(data) < n:
                chunk = guard.read(n - len(data))
                if not chunk:
                    break
                data += chunk
            return data
    s.value("stream 1000 bytes", lambda: read_stream(1000), bytes(i % 256 for i in range(1000)))
    s.value("usable after stream", ep.ping, "pong")


@scenario
def exceptions(s, c):
    ep, jvm = c.ep, c.jvm
    F = jvm.io.py4jcodec.testkit.scenario.ScenarioFixture
    at = "\tat " + PKG + "."
    s.raises("throwRuntime", lambda: ep.throwRuntime("boom"), Py4JJavaError, at + "ScenarioEntryPoint.throwRuntime(")
    s.raises("throwRuntime multi-line", lambda: ep.throwRuntime("line1\nline2 \u00e9 \\n"), Py4JJavaError,
             "java.lang.IllegalStateException: line1\nline2 \u00e9 \\n")
    s.raises("throwChecked", ep.throwChecked, Py4JJavaError, "java.io.IOException: checked failure")
    s.raises("throwWithCause", ep.throwWithCause, Py4JJavaError, "Caused by: java.io.IOException: checked failure")
    o = s.raises("throwCustom", lambda: ep.throwCustom(7), Py4JJavaError, "custom failure 7")
    try:
        ep.throwCustom(8)
    except Py4JJavaError as e:
        s.value("java_exception.getCode()", lambda: e.java_exception.getCode(), 8)
        s.value("errmsg", lambda: e.errmsg, "An error occurred while calling t.throwCustom.\n")
        s.see("args types", lambda: [type(a).__name__ for a in e.args])
    s.raises("throwNullPointer", ep.throwNullPointer, Py4JJavaError, "java.lang.NullPointerException")
    s.raises("static throw", F.staticThrow, Py4JJavaError, "static failure")
    s.raises("constructor throw", lambda: F(True), Py4JJavaError, "constructor refused: fail=true")
    s.raises("Integer.parseInt('x')", lambda: jvm.java.lang.Integer.parseInt("x"), Py4JJavaError,
             "java.lang.NumberFormatException")
    s.raises("no such method", lambda: ep.noSuchMethod(), Py4JError, "noSuchMethod")
    s.raises("wrong argument type", lambda: ep.echoInt("x"), Py4JError)
    s.raises("no such class constructor", lambda: jvm.java.lang.NoSuchClass(), TypeError)
    s.value("usable after errors", ep.ping, "pong")


@scenario
def callbacks(s, c):
    ep = c.ep
    cb = Callback(c)
    s.value("callBack", lambda: ep.callBack(cb, "x"), "java<py:x>")
    s.value("callBack escapes", lambda: ep.callBack(cb, "a\nb\\n\u00e9"), "java<py:a\nb\\n\u00e9>")
    s.value("bounce depth 4", lambda: ep.bounce(cb, 4), "j4>p3>j3>p2>j2>p1>j1>p0>bottom")
    fed = s.see("feed", lambda: ep.feed(cb))
    s.check("value" in fed, "feed should return the descriptions")
    for kind in ("int", "long", "float", "nan", "-inf", "str", "none", "true", "bytes", "decimal",
                 "javaobject", "proxy", "pylist", "raise"):
        s.see("produce " + kind, lambda: ep.produce(cb, kind))
    s.see("callCatching raise", lambda: ep.callCatching(cb, "raise"))
    s.raises("callBack raise", lambda: ep.callBack(cb, "raise"), Py4JJavaError)
    # a proxy returned as Object comes back as a reference to the Java proxy, not as the Python object
    s.value("identity type", lambda: type(ep.identity(cb)).__name__, "JavaObject")
    s.value("identity is proxy", lambda: ep.isProxy(ep.identity(cb)), True)
    s.raises("str(returned proxy): toString goes to Python", lambda: str(ep.identity(cb)), Py4JJavaError,
             "has no attribute 'toString'")
    s.value("isProxy", lambda: ep.isProxy(cb), True)
    threads = 8
    concurrent = Callback(c, "concurrent", threading.Barrier(threads))
    s.value("fromThreads", lambda: list(ep.fromThreads(concurrent, threads)),
            sorted("py:t%d" % i for i in range(threads)))
    s.value("fromThreads were concurrent", lambda: concurrent.concurrent, True)
    r = PyRunnable()
    s.value("Runnable on a new Java thread", lambda: ep.runOnNewThread(r), True)
    s.value("Runnable ran", lambda: r.ran.is_set(), True)
    words = ListConverter().convert(["ccc", "a", "bb"], c.client)
    s.value("Comparator", lambda: list(ep.sortWith(words, ByLength())), ["a", "bb", "ccc"])
    held = Callback(c, "held")
    s.see("hold", lambda: ep.hold(held))
    s.value("callHeld", lambda: ep.callHeld("later"), "py:later")


@scenario
def memory(s, c):
    ep, gw = c.ep, c.gateway
    objs = [ep.handOut("gc") for _ in range(5)]
    s.value("live while referenced", lambda: ep.liveHandedOut("gc", 5, 0), 5)
    del objs
    gc.collect()
    s.value("live after del + gc", lambda: ep.liveHandedOut("gc", 0, int(WAIT * 1000)), 0)
    kept = ep.handOut("kept")
    s.value("live while kept", lambda: ep.liveHandedOut("kept", 0, 200), 1)
    s.value("kept still usable", lambda: kept.describe(), "kept/0")
    o = ep.handOut("detach")
    gw.detach(o)
    s.value("live after detach", lambda: ep.liveHandedOut("detach", 0, int(WAIT * 1000)), 0)
    s.raises("call after detach", lambda: o.describe(), Py4JError, "Target Object ID does not exist for this gateway")
    pool = gw.gateway_property.pool
    mine = Callback(c, "collected")
    ep.hold(mine)
    ids = lambda: [k for k, v in list(pool.dict.items()) if v is mine]
    s.value("proxy in pool while Java holds it", lambda: len(ids()), 1)
    ep.hold(None)
    deadline = time.time() + WAIT
    while ids() and time.time() < deadline:
        ep.collectGarbage()
        time.sleep(0.05)
    s.value("proxy released after Java GC", lambda: len(ids()), 0)


@scenario
def help_and_dir(s, c):
    ep, jvm, gw = c.ep, c.jvm, c.gateway
    F = jvm.io.py4jcodec.testkit.scenario.ScenarioFixture
    s.see("help(entry point)", lambda: gw.help(ep, display=False))
    s.see("help(entry point, 'echo*')", lambda: gw.help(ep, pattern="echo*", display=False))
    s.see("help(class)", lambda: gw.help(F, display=False))
    s.see("help(class, long names)", lambda: gw.help(F, short_name=False, display=False))
    s.see("help(member)", lambda: gw.help(ep.echoInt, display=False))
    s.see("dir(entry point)", lambda: sorted(dir(ep)))
    s.see("dir(class)", lambda: sorted(dir(F)))
    s.see("dir(java.lang.Math) has max", lambda: "max" in dir(jvm.java.lang.Math))
    view = gw.new_jvm_view("dir view")
    java_import(view, "java.util.BitSet")
    s.see("dir(view)", lambda: sorted(dir(view)))
    s.see("dir(package)", lambda: dir(jvm.java.util))


@scenario
def python_threads(s, c):
    ep = c.ep
    n_threads, calls = 8, 50
    errors, results = [], []
    lock = threading.Lock()
    cb = Callback(c, "threads")

    def work(i):
        try:
            got = []
            for j in range(calls):
                arg = "%d-%d" % (i, j)
                got.append(ep.echoString(arg) == arg)
                if j % 10 == 0:
                    got.append(ep.callBack(cb, arg) == "java<py:" + arg + ">")
            with lock:
                results.append(all(got))
        except Exception as e:
            with lock:
                errors.append(type(e).__name__)
    ts = [threading.Thread(target=work, args=(i,)) for i in range(n_threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(WAIT * 3)
    s.value("threads finished", lambda: sum(1 for t in ts if not t.is_alive()), n_threads)
    s.value("all answers right", lambda: results, [True] * n_threads)
    s.value("errors", lambda: errors, [])


@scenario
def deep_callbacks(s, c):
    cb = Callback(c, "deep")
    depth = 10
    expected = "".join("j%d>p%d>" % (d, d - 1) for d in range(depth, 0, -1)) + "bottom"
    s.value("bounce depth %d" % depth, lambda: c.ep.bounce(cb, depth), expected)
    s.value("usable after", c.ep.ping, "pong")


@scenario
def java_thread(s, c):
    cb = Callback(c, "java-thread")
    s.value("call from a Java thread Python did not start", lambda: c.ep.callFromJavaThread(cb, "j"), "py:j")
    s.value("again", lambda: c.ep.callFromJavaThread(cb, "k"), "py:k")
    s.see("a failing callback", lambda: c.ep.callFromJavaThread(cb, "raise"))


@scenario
def python_thread_ends(s, c):
    ep = c.ep
    kept = {}

    def work():
        cb = Callback(c, "orphan")
        ep.hold(cb)
        kept["obj"] = ep.handOut("orphan")
        kept["list"] = ep.list()
        kept["answer"] = ep.callHeld("in thread")
    t = threading.Thread(target=work)
    t.start()
    t.join(WAIT)
    s.value("thread finished", lambda: t.is_alive(), False)
    s.value("answer in thread", lambda: kept.get("answer"), "py:in thread")
    del t
    gc.collect()
    s.value("Java calls the ended thread's Python object", lambda: ep.callHeld("after"), "py:after")
    s.value("and from a Java thread", lambda: ep.callHeldFromJavaThread("x"), "py:x")
    s.value("the ended thread's Java object", lambda: kept["obj"].describe(), "orphan/0")
    s.value("the ended thread's Java list", lambda: len(kept["list"]), 4)
    s.value("still held by Java", lambda: ep.liveHandedOut("orphan", 1, 0), 1)
    ep.hold(None)


@clientserver_only
def pinned_threads(s, c):
    ep = c.ep
    n_threads, calls = 16, 20
    barrier = threading.Barrier(n_threads)
    report, lock = {}, threading.Lock()

    class Pinned(Callback):
        def call(self, arg):
            self.callback_threads.add(threading.get_ident())
            return "py:" + arg

    def work(i):
        cb = Pinned(c, "pinned%d" % i)
        cb.callback_threads = set()
        r = {"java_threads": set(), "right": True, "error": None}
        try:
            for j in range(calls):
                arg = "%d-%d" % (i, j)
                r["java_threads"].add(ep.javaThreadId())
                r["right"] &= ep.callBack(cb, arg) == "java<py:" + arg + ">"
                if j == 0:
                    r["right"] &= ep.bounce(cb, 2) == "j2>p1>j1>p0>bottom"
                    barrier.wait(WAIT)  # all threads (and so all their connections) alive at once
            r["callback_threads"] = cb.callback_threads
            r["me"] = threading.get_ident()
        except Exception as e:
            r["error"] = type(e).__name__ + ": " + str(e)[:200]
        with lock:
            report[i] = r
    ts = [threading.Thread(target=work, args=(i,)) for i in range(n_threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(WAIT * 3)
    s.value("threads finished", lambda: sum(1 for t in ts if not t.is_alive()), n_threads)
    s.value("errors", lambda: [r["error"] for r in report.values() if r["error"]], [])
    s.value("answers right", lambda: all(r["right"] for r in report.values()) and len(report) == n_threads, True)
    s.value("each Python thread on one Java thread",
            lambda: all(len(r["java_threads"]) == 1 for r in report.values()), True)
    s.value("distinct Java threads", lambda: len(set().union(*(r["java_threads"] for r in report.values()))),
            n_threads)
    s.value("callbacks ran on the calling Python thread",
            lambda: all(r.get("callback_threads") == {r.get("me")} for r in report.values()), True)


@scenario
def auth(s, c):
    port, token = c.args.port, c.args.auth_token

    def call_with(tok):
        g = connect(c.args.mode, port, tok, WAIT, python_server=False)
        try:
            return g.entry_point.ping()
        finally:
            g.close()
    if token:
        s.value("right token", lambda: call_with(token), "pong")
        s.raises("wrong token", lambda: call_with(token + "x"), Py4JAuthenticationError)
        s.raises("no token", lambda: call_with(None), Py4JError)
        # Java to Python: point the gateway's Python client at a Python server that wants another token
        # (in ClientServer mode the reset client sends none at all: see main())
        cb = Callback(c, "auth")
        decoy = connect(c.args.mode, port, token, WAIT, python_token=token + "-other")
        try:
            announce_python_port(c.gateway, decoy.get_callback_server().get_listening_port())
            o = s.see("Java to a Python server with another token", lambda: c.ep.callFromJavaThread(cb, "x"))
            s.check(o.get("value", [None, ""])[1].startswith("failed:"),
                    "a Python server wanting another token must refuse the gateway's callback connection")
        finally:
            announce_python_port(c.gateway)
            decoy.shutdown_callback_server()
            decoy.close()
        s.value("Java to Python with the right token", lambda: c.ep.callFromJavaThread(cb, "y"), "py:y")
    else:
        s.value("no token", lambda: call_with(None), "pong")
        s.see("token to a server without auth", lambda: call_with("unexpected"))
    s.value("main connection still usable", c.ep.ping, "pong")


@scenario
def shutdown(s, c):
    port, token, gw = c.args.port, c.args.auth_token, c.gateway
    s.see("shutdown()", lambda: gw.shutdown())
    if c.args.mode == "gateway":
        s.raises("call after shutdown", c.ep.ping, Py4JNetworkError)
    else:
        # The pinned connection is gone and the client opens a new one. Both servers stop listening
        # on a thread of their own after the shutdown command, so that connect is either refused
        # (ConnectionRefusedError, unwrapped) or, in the race, accepted and dropped (Py4JNetworkError):
        # either says the server is gone, so the step records which class of outcome, not the race's winner.
        def call_after_shutdown():
            try:
                return "answered: %r" % (c.ep.ping(),)
            except (Py4JNetworkError, ConnectionRefusedError):
                return "network error"
        s.value("call after shutdown", call_after_shutdown, "network error")
    # A connect may still succeed while the server's accept loop winds down (py4j-observations #5):
    # poll, bounded, until a new client is refused.
    refused, last = False, None
    deadline = time.time() + WAIT
    while time.time() < deadline:
        g = connect(c.args.mode, port, token, 1, python_server=False)
        try:
            g.entry_point.ping()
            last = "answered"
        except (Py4JNetworkError, ConnectionRefusedError) as e:
            refused, last = True, type(e).__name__
            break
        except Exception as e:
            last = type(e).__name__
        finally:
            try:
                g.close()
            except Exception:
                pass
        time.sleep(0.1)
    s.value("new client refused after shutdown", lambda: refused, True)
    s.see("refusal", lambda: last)


# ---- driver --------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--auth-token", default=None)
    ap.add_argument("--mode", choices=MODES, default="gateway")
    ap.add_argument("--scenarios", default=None, help="comma-separated names (default: all, in order)")
    args = ap.parse_args()
    available = [f.__name__ for f in SCENARIOS if args.mode in f.modes]
    wanted = args.scenarios.split(",") if args.scenarios else available
    unknown = set(wanted) - set(available)
    if unknown:
        ap.error("no such scenarios in mode %s: %s" % (args.mode, ", ".join(sorted(unknown))))

    def emit(obj):
        sys.stdout.write(json.dumps(obj, sort_keys=True, ensure_ascii=True) + "\n")
        sys.stdout.flush()

    emit({"hello": {"py4j": py4j.version.__version__, "python": sys.version.split()[0], "mode": args.mode}})
    # GatewayServer mode: the callback server wants the token too (as PySpark sets it up). ClientServer mode:
    # py4j's PythonClient.copyWith, which resetCallbackClient uses, drops the token, so after the reset Java
    # cannot authenticate to Python; PySpark's pinned mode runs its Python server without one, and so do we.
    gateway = connect(args.mode, args.port, args.auth_token, WAIT * 3,
                      python_token=args.auth_token if args.mode == "gateway" else None)
    try:
        announce_python_port(gateway)
        ctx = Context(args, gateway)
        for fn in SCENARIOS:
            if fn.__name__ not in wanted or args.mode not in fn.modes:
                continue
            s = Scenario(fn.__name__)
            try:
                fn(s, ctx)
            except Exception:
                s.failures.append("scenario raised: " + traceback.format_exc(limit=5))
            emit({"scenario": s.name, "observed": s.observed, "failures": s.failures})
    finally:
        # py4j's ClientServer.close() can block for good in a socket close while its Python server's
        # thread reads that socket: close on a daemon thread, bounded
        def close():
            try:
                gateway.shutdown_callback_server()
                gateway.close()
            except Exception:
                pass
        closer = threading.Thread(target=close, daemon=True)
        closer.start()
        closer.join(WAIT)
    emit({"done": True})


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # daemon threads of py4j's servers may still be blocked in socket calls
