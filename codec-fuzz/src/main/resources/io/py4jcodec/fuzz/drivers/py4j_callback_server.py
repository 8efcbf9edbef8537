"""Driver of the py4j Python callback server for `py4j-codec fuzz --role callback-client` (standard library + py4j).

Usage: python3 py4j_callback_server.py [PORT]   (default 0: any free port)
The fuzzer sets PY4J_FUZZ_MODE (gateway: py4j's CallbackServer; client_server: py4j's PythonServer) and,
with auth, PY4J_FUZZ_AUTH_TOKEN. The driver prints one JSON line {"ready": true, "port": N} once the
server accepts connections (py4j's start() returns after bind() but before its thread calls listen(): a
connect in between is refused, FINDINGS root cause 16) and serves until its standard input closes. Python objects implementing Java interfaces, registered under fixed ids:
  echo   returns its first argument (None without arguments)
  typed  the method name picks the type of the result: int, long, double, bool, str, bytes, none, decimal
  raise  raises ValueError (Java sees an error answer)
  slow   sleeps 0.2 s, then returns the string "slow"
  probe  an echo kept for the fuzzer's probe calls (no generated request names it)
"""
import decimal
import os
import sys
import threading
import time

from py4j.java_gateway import server_started


class Echo(object):
    class Java:
        implements = ["java.util.function.Function"]

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args: args[0] if args else None


class Typed(object):
    class Java:
        implements = ["java.util.function.Supplier"]

    VALUES = {"int": 7, "long": 2**40, "double": 0.1, "bool": True, "str": "s\n\\x", "bytes": bytearray(b"\x00\xff"),
              "none": None, "decimal": decimal.Decimal("1.10")}

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args: Typed.VALUES.get(name, "other")


class Raise(object):
    class Java:
        implements = ["java.lang.Runnable"]

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)

        def fail(*args):
            raise ValueError("raised on purpose by " + name)
        return fail


class Slow(object):
    class Java:
        implements = ["java.util.concurrent.Callable"]

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)

        def slow(*args):
            time.sleep(0.2)
            return "slow"
        return slow


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    mode = os.environ.get("PY4J_FUZZ_MODE", "gateway")
    token = os.environ.get("PY4J_FUZZ_AUTH_TOKEN") or None
    listening = threading.Event()
    # py4j sends server_started from the server thread right after listen(); a weak reference: keep the function
    on_started = lambda sender, **kwargs: listening.set()
    server_started.connect(on_started)
    if mode == "client_server":
        from py4j.clientserver import ClientServer, JavaParameters, PythonParameters
        gateway = ClientServer(java_parameters=JavaParameters(port=1, auth_token=token),
                               python_parameters=PythonParameters(port=port, auth_token=token, daemonize=True,
                                                                  daemonize_connections=True))
    else:
        from py4j.java_gateway import JavaGateway, GatewayParameters, CallbackServerParameters
        gateway = JavaGateway(gateway_parameters=GatewayParameters(port=1, auth_token=token),
                              callback_server_parameters=CallbackServerParameters(
                                  port=port, auth_token=token, daemonize=True, daemonize_connections=True))
    pool = gateway.gateway_property.pool
    for oid, obj in (("echo", Echo()), ("typed", Typed()), ("raise", Raise()), ("slow", Slow()), ("probe", Echo())):
        pool.put(obj, oid)
    if not listening.wait(10):
        sys.exit("the callback server did not start listening within 10 s")
    print('{"ready": true, "port": %d}' % gateway.get_callback_server().get_listening_port(), flush=True)
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    main()
