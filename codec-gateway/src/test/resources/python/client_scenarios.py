"""Drives a Py4J gateway with the real py4j Python client and prints one JSON line per step.

Run against py4j's own GatewayServer and against py4j-codec's gateway by GatewayPythonClientTest,
which compares the two outputs. Usage: client_scenarios.py PORT TOKEN|- [auth-refused|shutdown]
"""
import decimal
import gc
import json
import sys
import time

from py4j.java_gateway import (JavaGateway, GatewayParameters, CallbackServerParameters, java_import,
                               JavaObject)
from py4j.java_collections import JavaList, JavaMap, JavaSet, JavaArray, JavaIterator
from py4j.protocol import Py4JJavaError, Py4JError, Py4JAuthenticationError, Py4JNetworkError

port = int(sys.argv[1])
token = None if sys.argv[2] == "-" else sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "scenarios"


def emit(step, **kw):
    kw["step"] = step
    print(json.dumps(kw, sort_keys=True), flush=True)


def describe(v):
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, decimal.Decimal):
        return {"decimal": str(v)}
    if isinstance(v, (bytes, bytearray)):
        return {"bytes": bytes(v).hex(), "type": type(v).__name__}
    if isinstance(v, str):
        return {"str": v}
    if isinstance(v, JavaList):
        return {"JavaList": [describe(x) for x in v]}
    if isinstance(v, JavaMap):
        return {"JavaMap": sorted([k, describe(v[k])] for k in v.keys())}
    if isinstance(v, JavaSet):
        return {"JavaSet": sorted(str(x) for x in v)}
    if isinstance(v, JavaArray):
        return {"JavaArray": [describe(x) for x in v]}
    if isinstance(v, JavaIterator):
        return {"JavaIterator": [describe(x) for x in v]}
    if isinstance(v, JavaObject):
        return {"JavaObject": v.getClass().getName()}
    if isinstance(v, list):
        return [describe(x) for x in v]
    return {"other": type(v).__name__}


def step(name, fn):
    try:
        emit(name, value=describe(fn()))
    except Py4JJavaError as e:
        je = e.java_exception
        emit(name, java_error=je.getClass().getName(), message=je.getMessage(),
             trace_has_frames="\tat " in str(e))
    except Py4JError as e:
        emit(name, py4j_error=type(e).__name__)
    except Exception as e:
        emit(name, python_error=type(e).__name__)


class Listener(object):
    def __init__(self, gateway):
        self.gateway = gateway

    def notify(self, x):
        if isinstance(x, int):
            return x * 10
        return "python saw " + str(x)

    def nested(self, depth):
        return self.gateway.entry_point.nested(self, depth)

    class Java:
        implements = ["io.py4jcodec.gateway.fixture.Listener"]


def connect():
    gateway = JavaGateway(
        gateway_parameters=GatewayParameters(port=port, auth_token=token),
        callback_server_parameters=CallbackServerParameters(port=0, auth_token=token, daemonize=True,
                                                            daemonize_connections=True))
    server = gateway.java_gateway_server
    cb_port = gateway.get_callback_server().get_listening_port()
    server.resetCallbackClient(server.getCallbackClient().getAddress(), cb_port)
    return gateway


if mode == "auth-refused":
    try:
        g = JavaGateway(gateway_parameters=GatewayParameters(port=port, auth_token="not-the-token"))
        g.entry_point.add(1, 2)
        emit("auth-refused", refused=False)
    except Py4JAuthenticationError:
        emit("auth-refused", refused=True, error="Py4JAuthenticationError")
    except Py4JError as e:
        emit("auth-refused", refused=True, error=type(e).__name__)
    sys.exit(0)

gateway = connect()
e = gateway.entry_point
jvm = gateway.jvm

if mode == "shutdown":
    step("before-shutdown", lambda: e.add(20, 22))
    gateway.shutdown()
    time.sleep(0.2)
    try:
        g2 = JavaGateway(gateway_parameters=GatewayParameters(port=port, auth_token=token))
        g2.entry_point.add(1, 1)
        emit("after-shutdown", reachable=True)
    except (Py4JNetworkError, Py4JError) as ex:
        emit("after-shutdown", reachable=False)
    sys.exit(0)

# entry point calls with every value type
step("add", lambda: e.add(1, 2))
step("addLongs", lambda: e.addLongs(2 ** 40, 1))
step("echo-int", lambda: e.echo(-7))
step("echo-long", lambda: e.echo(2 ** 62))
step("echo-double", lambda: e.echo(1e16))
step("echo-nan", lambda: e.echo(float("nan")))
step("echo-negzero", lambda: e.echo(-0.0))
step("echo-true", lambda: e.echo(True))
step("echo-none", lambda: e.echo(None))
step("echo-string", lambda: e.echo("a\nb\\c\rd\te"))
step("echo-unicode", lambda: e.echo(u"\u00e9\U0001F600\u2028"))
step("echo-empty", lambda: e.echo(""))
step("echo-decimal", lambda: e.echo(decimal.Decimal("1.10")))
step("echo-bytes", lambda: e.echo(bytearray(b"\x00\x01\xff")))
step("reverse-bytes", lambda: e.reverse(bytearray(range(256))))
step("describe-int", lambda: e.describe(5))
step("describe-long", lambda: e.describe(2 ** 33))
step("describe-bytes", lambda: e.describe(b"\x01\x02"))
step("half", lambda: e.half(3))
step("float", lambda: e.aFloat())
step("char", lambda: e.aChar())
step("short", lambda: e.aShort())
step("decimal", lambda: e.decimal("-1E+10"))
step("void", lambda: e.nothing())
step("overload-int", lambda: e.overload(1))
step("overload-long", lambda: e.overload(2 ** 40))
step("overload-string", lambda: e.overload("s"))
step("overload-object", lambda: e.overload(1.5))
step("field-get", lambda: gateway.get_field(e, "counter"))
step("field-set", lambda: (gateway.set_field(e, "counter", 5), gateway.get_field(e, "counter"))[1])
step("field-missing", lambda: gateway.get_field(e, "nope"))
step("no-such-method", lambda: e.noSuchMethod())

# jvm, java_import, constructors, statics
step("static-call", lambda: jvm.java.lang.Math.max(3, 4))
step("static-field", lambda: jvm.java.lang.Integer.MAX_VALUE)
step("static-field-fixture", lambda: jvm.io.py4jcodec.gateway.fixture.FixtureEntryPoint.CONSTANT)
step("constructor", lambda: jvm.java.lang.StringBuilder("abc").reverse().toString())
java_import(jvm, "java.util.*")
step("java-import", lambda: jvm.ArrayList().size())
step("class-ref", lambda: type(jvm.java.util.ArrayList).__name__)
step("package", lambda: type(jvm.java.util).__name__)
step("no-such-class-call", lambda: jvm.java.util.NoSuchClass())
view = gateway.new_jvm_view()
java_import(view, "java.util.LinkedList")
step("jvm-view", lambda: view.LinkedList().size())
step("jvm-view-isolated", lambda: type(view.ArrayList).__name__)

# collections and their Python wrappers
lst = e.list()
step("list", lambda: lst)
step("list-len", lambda: len(lst))
step("list-index", lambda: lst[1])
step("list-slice", lambda: lst[0:2])
step("list-append", lambda: (lst.append("new"), len(lst))[1])
step("list-count", lambda: lst.count("two"))
step("list-concat", lambda: lst + lst)
step("list-mul", lambda: lst * 2)
numbers = jvm.java.util.ArrayList()
for n in (3, 1, 2):
    numbers.append(n)
step("list-sort", lambda: (numbers.sort(), numbers)[1])
step("list-reverse", lambda: (numbers.reverse(), numbers)[1])
step("list-max", lambda: max(numbers))
step("list-sum-java", lambda: e.sum(numbers))
mp = e.map()
step("map", lambda: mp)
step("map-get", lambda: mp["b"])
step("map-set", lambda: (mp.__setitem__("c", 3), mp)[1])
step("set", lambda: e.set())
step("set-contains", lambda: "x" in e.set())
arr = e.array()
step("array", lambda: arr)
step("array-len", lambda: len(arr))
step("array-get", lambda: arr[2])
step("array-set", lambda: (arr.__setitem__(0, 9), arr)[1])
step("array-slice", lambda: arr[1:3])
step("array-index-error", lambda: arr[10])
new_arr = gateway.new_array(jvm.java.lang.String, 2)
step("new-array", lambda: (new_arr.__setitem__(1, "s"), new_arr)[1])
step("new-array-2d", lambda: len(gateway.new_array(jvm.int, 2, 3)[1]))
step("iterator", lambda: e.iterator())

# exceptions as Py4JJavaError with the Java stack trace
step("java-exception", lambda: e.fail("boom"))
step("static-exception", lambda: jvm.java.lang.Integer.parseInt("x"))
step("constructor-exception", lambda: jvm.java.util.ArrayList(-1))

# callbacks: plain, with a Java object argument, nested, from several Java threads
listener = Listener(gateway)
step("callback", lambda: e.callListener(listener, 4))
step("callback-string", lambda: e.callListener(listener, "hi"))
step("callback-nested", lambda: e.nested(listener, 6))
step("callback-threads", lambda: e.callFromThreads(listener, 4))

# del + GC releases the Java object
tmp = jvm.java.util.ArrayList()
tmp_id = tmp._target_id
bindings = gateway.java_gateway_server.getGateway().getBindings()
step("gc-before", lambda: bindings.containsKey(tmp_id))
del tmp
gc.collect()
time.sleep(0.2)
step("gc-after", lambda: bindings.containsKey(tmp_id))

# help() and dir()
step("help", lambda: gateway.help(e, display=False).splitlines()[0])
step("help-pattern", lambda: "add" in gateway.help(e, "add*", display=False))
step("help-class", lambda: gateway.help(jvm.java.lang.Math, "abs*", display=False).splitlines()[0])
step("dir", lambda: [n for n in dir(e) if n in ("add", "echo", "counter", "nested")])
step("dir-jvm", lambda: "ArrayList" in dir(jvm))

# the GATEWAY_SERVER object
step("server-port", lambda: gateway.java_gateway_server.getListeningPort() == port)

gateway.close(keep_callback_server=False)
gateway.shutdown_callback_server()
emit("done")
