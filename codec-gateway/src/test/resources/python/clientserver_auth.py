"""ClientServer mode with auth in both directions, driven through the real py4j client.

Usage: clientserver_auth.py PORT JAVA_TOKEN PYTHON_TOKEN
Python authenticates to Java with JAVA_TOKEN; its own PythonServer requires PYTHON_TOKEN from Java.
Java then calls Python from a Java thread Python did not start (a new connection from Java to
Python's server, which must authenticate first) and the script prints what came back as one JSON line.
"""
import json
import os
import sys
import threading

from py4j.clientserver import ClientServer, JavaParameters, PythonParameters


class Callback(object):
    def call(self, arg):
        return "py:" + arg

    def bounce(self, depth):
        return str(depth)

    def accept(self, value):
        return repr(value)

    def produce(self, kind):
        return kind

    class Java:
        implements = ["io.py4jcodec.testkit.scenario.ScenarioCallback"]


def main():
    port, java_token, python_token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    cs = ClientServer(
        java_parameters=JavaParameters(port=port, auth_token=java_token, read_timeout=30),
        python_parameters=PythonParameters(port=0, auth_token=python_token, daemonize=True,
                                           daemonize_connections=True))
    server = cs.java_gateway_server
    # PySpark's way of telling Java where Python listens
    server.resetCallbackClient(server.getCallbackClient().getAddress(), cs.get_callback_server().get_listening_port())
    cb = Callback()
    print(json.dumps({"from_pinned_thread": cs.entry_point.callBack(cb, "p"),
                      "from_java_thread": cs.entry_point.callFromJavaThread(cb, "j")}), flush=True)
    # py4j's ClientServer.close() can block for good (docs/py4j-observations.md 16): bounded, then exit
    t = threading.Thread(target=cs.shutdown, daemon=True)
    t.start()
    t.join(5)
    os._exit(0)


if __name__ == "__main__":
    main()
