"""The smallest flaskcompat app: runs unchanged on Python 2.7 and Python 3.

    python examples/hello/app.py        # http://127.0.0.1:5000/
"""
from flaskcompat import Flask, jsonify, request, url_for

app = Flask(__name__)


@app.route("/")
def index():
    name = request.args.get("name", u"world")
    return u"Hello, %s! Try %s\n" % (name, url_for("greeting", name=u"Zoë"))


@app.route("/greet/<name>")
def greeting(name):
    return jsonify(greeting=u"Hello, %s!" % name)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000)
