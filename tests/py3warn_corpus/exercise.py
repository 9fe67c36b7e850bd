"""Drive the corpus under the runner's runtime mode.

``python exercise.py legacy`` imports the legacy shop (Python 2 code) and
calls its views through the test client and its helpers directly, so the
runtime-only findings -- the semantic traps and what the framework's seam
sees -- happen.  ``python exercise.py controls`` does the same with the
migrated controls, on any interpreter, where nothing may be found.  This
file is itself a clean control.
"""
from __future__ import absolute_import, print_function

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def exercise_legacy():
    from legacy_shop import app, utils

    client = app.test_client()
    for path in ("/", "/product/tea", "/stats", "/basket"):
        client.get(path)
    client.post("/price", data={"price": "x"})
    client.post("/login", data={"user": "ann"})
    utils.check_token(b"key", b"value", u"expected")
    utils.is_json_blob(b"eyJhIjoxfQ==")
    utils.per_page(10, 3)
    utils.error_text(lambda: int("x"))
    exercise_legacy_api(app)


def exercise_legacy_api(app):
    from legacy_shop import api, tokens

    exercise_api(app.test_client(), api, tokens)


def exercise_api(client, api, tokens):
    """The same calls for the legacy API and its migrated control."""
    client.post("/api/ping", data=b"PING")
    client.post("/api/upload", data=b"\x89PNG....")
    client.post("/api/hook", data=b"{}", headers={"X-Signature": "00"})
    client.post("/api/fingerprint", data={"name": u"ann"})
    client.get("/api/totals")
    here = os.path.dirname(os.path.abspath(__file__))
    api.read_logo(os.path.join(here, "exercise.py"))
    api.read_notes(os.path.join(here, "exercise.py"))
    api.git_revision()
    api.run_tool()
    tokens.password_hash(u"pw")
    tokens.basic_auth(u"ann", u"pw")


def exercise_controls():
    from controls import helpers, shop

    client = shop.app.test_client()
    for path in ("/", "/product/tea", "/stats", "/token"):
        client.get(path)
    client.post("/echo", data=b'{"a": 1}')
    account, countdown, registry = shop.describe()
    shop.query({"q": "tea", "page": 2})
    shop.host_of("http://example.com/a")
    shop.by_price([3, 1, 2])
    shop.first_key({"b": 1, "a": 2})
    shop.lazy_range(3)
    shop.registry_keys(registry)
    shop.exhaust(countdown)
    shop.buffer_text(account)
    shop.fetch_url("http://example.com/")
    shop.account_label(account)
    helpers.log("logged")
    helpers.long(2)
    helpers.reduce([1, 2])
    helpers.ratio(7, 2)
    helpers.dumps({"a": 1})
    helpers.quoted(u"caf\u00e9")
    helpers.is_text("x")
    helpers.printer()
    helpers.rounds()
    helpers.octals()
    helpers.escapes()
    helpers.keywords(async_=True)
    helpers.Money(10) / 2
    helpers.error_text(lambda: int("x"))
    helpers.file_lines(["a"])
    helpers.apply(len, "ab")
    set([account, helpers.Account("bob")])
    exercise_control_api()


def exercise_control_api():
    from controls import api, exports, tokens

    exercise_api(api.app.test_client(), api, tokens)
    tokens.hex_token(b"ab")
    tokens.unhex(b"6162")
    tokens.pack(b"x")
    tokens.signature_line(u"ann", u"a@b")
    tokens.frame(1)
    tokens.frame_mapped([1, 2])
    tokens.literal_digest()
    tokens.named_digest(b"x")
    tokens.sign(b"k", u"m")
    tokens.to_json({"a": 1})
    tokens.coupon_codes(2)
    exports.export_rows([{"sku": "a", "qty": 1, "total": 2}])
    exports.prune({"a": 0, "b": 1})
    exports.bump({"a": 1})
    exports.price_table(["a"], [1])
    exports.lazily([])


if __name__ == "__main__":
    {"legacy": exercise_legacy, "controls": exercise_controls}[sys.argv[1]]()
    print("exercised", sys.argv[1], file=sys.stderr)
