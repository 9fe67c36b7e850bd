# -*- coding: utf-8 -*-
"""Behaviour of ``flaskcompat.config``: the Config loaders, ConfigAttribute
and import_string, identical on Python 2 and 3."""
from __future__ import absolute_import

import errno
import importlib
import io
import os
import sys
import textwrap
from datetime import timedelta

import pytest

from _compat.strings import text_type
from _compat.strings import to_bytes
from flaskcompat.config import Config
from flaskcompat.config import ConfigAttribute
from flaskcompat.config import ImportStringError
from flaskcompat.config import import_string

ENV_NAME = str("FLASKCOMPAT_TEST_CONFIG_FILE")
MISSING_MSG = "Unable to load configuration file (No such file or directory)"


def write(path, source):
    """Write a (native, ASCII) source snippet, dedented, as UTF-8."""
    path.write_binary(to_bytes(textwrap.dedent(source)))
    return path


@pytest.fixture
def config(tmpdir):
    return Config(tmpdir.strpath)


@pytest.fixture
def package(tmpdir, monkeypatch):
    """A throw-away importable package ``fc_cfgpkg`` with module ``settings``
    (and one broken module), removed from ``sys.modules`` afterwards."""
    root = tmpdir.mkdir("importable")
    pkg = root.mkdir("fc_cfgpkg")
    pkg.join("__init__.py").write_text(u"", encoding="utf-8")
    write(
        pkg.join("settings.py"),
        """
        SECRET_KEY = 'from-module'
        DEBUG = True
        lowercase = 'ignored'

        class Prod(object):
            DATABASE = 'prod-db'

            class Nested(object):
                LEVEL = 3
        """,
    )
    write(pkg.join("broken.py"), "import fc_cfg_no_such_dependency\n")
    monkeypatch.syspath_prepend(root.strpath)
    invalidate = getattr(importlib, "invalidate_caches", None)
    if invalidate is not None:
        invalidate()
    yield "fc_cfgpkg"
    for name in list(sys.modules):
        if name == "fc_cfgpkg" or name.startswith("fc_cfgpkg."):
            del sys.modules[name]


# -- construction and repr ---------------------------------------------------


def test_is_a_dict_with_root_path_and_defaults(tmpdir):
    defaults = {"DEBUG": False, "SECRET_KEY": None}
    config = Config(tmpdir.strpath, defaults)
    assert isinstance(config, dict)
    assert config.root_path == tmpdir.strpath
    assert config == defaults
    config["DEBUG"] = True
    assert defaults["DEBUG"] is False, "defaults must be copied, not aliased"


def test_without_defaults_is_empty(config):
    assert config == {}


def test_repr(config):
    config["A"] = 1
    assert repr(config) == "<Config %r>" % ({"A": 1},)


def test_repr_uses_subclass_name(tmpdir):
    class MyConfig(Config):
        pass

    assert repr(MyConfig(tmpdir.strpath)) == "<MyConfig {}>"


# -- from_object --------------------------------------------------------------


def test_from_object_class_takes_uppercase_only(config):
    class Base(object):
        INHERITED = "base"

    class Settings(Base):
        SECRET_KEY = "devkey"
        TEST_KEY = "foo"
        lowercase = "no"
        MixedCase = "no"
        _PRIVATE_lower = "no"

    assert config.from_object(Settings) is None
    assert config == {"SECRET_KEY": "devkey", "TEST_KEY": "foo", "INHERITED": "base"}


def test_from_object_instance_reads_properties(config):
    class Settings(object):
        HOST = "localhost"

        @property
        def DATABASE_URI(self):
            return "sqlite://" + self.HOST

    config.from_object(Settings())
    assert config["DATABASE_URI"] == "sqlite://localhost"


def test_from_object_overrides_existing_values(tmpdir):
    config = Config(tmpdir.strpath, {"DEBUG": False, "KEEP": 1})

    class Settings(object):
        DEBUG = True

    config.from_object(Settings)
    assert config == {"DEBUG": True, "KEEP": 1}


def test_from_object_module_import_string(config, package):
    config.from_object(package + ".settings")
    assert config == {"SECRET_KEY": "from-module", "DEBUG": True}


def test_from_object_text_import_string(config, package):
    config.from_object(u"fc_cfgpkg.settings")
    assert config["SECRET_KEY"] == "from-module"


@pytest.mark.parametrize(
    "name", ["fc_cfgpkg.settings:Prod", "fc_cfgpkg.settings.Prod"]
)
def test_from_object_class_import_string(config, package, name):
    config.from_object(name)
    assert config == {"DATABASE": "prod-db"}


def test_from_object_bad_import_string(config, package):
    with pytest.raises(ImportError) as excinfo:
        config.from_object("fc_cfgpkg.settings:Missing")
    assert "fc_cfgpkg.settings:Missing" in str(excinfo.value)
    assert config == {}


# -- import_string --------------------------------------------------------------


def test_import_string_module():
    import os.path

    assert import_string("os") is os
    assert import_string("os.path") is os.path


def test_import_string_text_and_bytes_names():
    assert import_string(u"os.path:join") is os.path.join
    assert import_string(b"os.path:join") is os.path.join


def test_import_string_attribute_forms(package):
    from fc_cfgpkg import settings

    assert import_string("fc_cfgpkg.settings:Prod") is settings.Prod
    assert import_string("fc_cfgpkg.settings.Prod") is settings.Prod
    assert import_string("fc_cfgpkg.settings:Prod.Nested") is settings.Prod.Nested
    assert import_string("fc_cfgpkg.settings:Prod.Nested").LEVEL == 3
    assert import_string("fc_cfgpkg:settings") is settings


def test_import_string_missing_module():
    with pytest.raises(ImportStringError) as excinfo:
        import_string("fc_cfg_no_such_module")
    err = excinfo.value
    assert isinstance(err, ImportError)
    assert err.import_name == "fc_cfg_no_such_module"
    assert isinstance(err.exception, ImportError)
    message = str(err)
    assert "import_string() could not import" in message
    assert "fc_cfg_no_such_module" in message


def test_import_string_missing_module_in_package(package):
    with pytest.raises(ImportStringError) as excinfo:
        import_string("fc_cfgpkg.nomodule:Obj")
    assert "fc_cfgpkg.nomodule" in str(excinfo.value)


def test_import_string_missing_attribute(package):
    with pytest.raises(ImportStringError) as excinfo:
        import_string("fc_cfgpkg.settings:Prod.Missing")
    message = str(excinfo.value)
    assert "fc_cfgpkg.settings:Prod.Missing" in message
    assert "'fc_cfgpkg.settings.Prod' has no attribute 'Missing'" in message
    assert isinstance(excinfo.value.exception, AttributeError)


def test_import_string_missing_dotted_attribute_mentions_module_error(package):
    with pytest.raises(ImportStringError) as excinfo:
        import_string("fc_cfgpkg.settings.Missing")
    message = str(excinfo.value)
    assert "'fc_cfgpkg.settings' has no attribute 'Missing'" in message
    assert "importing it as a module failed" in message


def test_import_string_reports_broken_inner_import(package):
    # The module exists but its own import fails: the real cause must show.
    with pytest.raises(ImportStringError) as excinfo:
        import_string("fc_cfgpkg.broken")
    assert "fc_cfg_no_such_dependency" in str(excinfo.value)
    with pytest.raises(ImportStringError) as excinfo:
        import_string("fc_cfgpkg.broken:Anything")
    assert "fc_cfg_no_such_dependency" in str(excinfo.value)


@pytest.mark.parametrize("name", ["", "  ", ".relative", ":Obj", "os:"])
def test_import_string_malformed_names(name):
    with pytest.raises(ImportStringError) as excinfo:
        import_string(name)
    assert "import_string() could not import" in str(excinfo.value)
    assert import_string(name, silent=True) is None


def test_import_string_silent(package):
    assert import_string("fc_cfg_no_such_module", silent=True) is None
    assert import_string("fc_cfgpkg.settings:Missing", silent=True) is None
    assert import_string("fc_cfgpkg.settings.Missing", silent=True) is None
    assert import_string("fc_cfgpkg.settings:Prod", silent=True).DATABASE == "prod-db"


# -- from_pyfile ----------------------------------------------------------------


def test_from_pyfile_relative_to_root_path(config, tmpdir):
    write(
        tmpdir.join("settings.cfg"),
        """
        import os
        SECRET_KEY = 'devkey'
        TEST_KEY = 'foo'
        lowercase = 'ignored'
        HERE = os.path.dirname(__file__)
        """,
    )
    assert config.from_pyfile("settings.cfg") is True
    assert config == {
        "SECRET_KEY": "devkey",
        "TEST_KEY": "foo",
        "HERE": tmpdir.strpath,
    }


def test_from_pyfile_absolute_path(tmpdir):
    path = write(tmpdir.mkdir("elsewhere").join("app.cfg"), "VALUE = 42\n")
    config = Config(tmpdir.mkdir("root").strpath)
    assert config.from_pyfile(path.strpath) is True
    assert config["VALUE"] == 42


def test_from_pyfile_does_not_leak_builtins_or_modules(config, tmpdir):
    write(tmpdir.join("settings.cfg"), "import os\nX = 1\n")
    config.from_pyfile("settings.cfg")
    assert config == {"X": 1}


def test_from_pyfile_non_ascii_text(config, tmpdir):
    tmpdir.join("settings.cfg").write_binary(
        u"# -*- coding: utf-8 -*-\nNAME = u'Jos\u00e9 \u00fcber \u20ac'\n".encode("utf-8")
    )
    config.from_pyfile("settings.cfg")
    assert config["NAME"] == u"Jos\u00e9 \u00fcber \u20ac"
    assert isinstance(config["NAME"], text_type)


def test_from_pyfile_missing_file(config, tmpdir):
    with pytest.raises(IOError) as excinfo:
        config.from_pyfile("missing.cfg")
    err = excinfo.value
    assert err.errno == errno.ENOENT
    expected_path = os.path.join(tmpdir.strpath, "missing.cfg")
    assert err.filename == expected_path
    message = str(err)
    assert MISSING_MSG in message
    assert expected_path in message


def test_from_pyfile_missing_file_silent(config, tmpdir):
    assert config.from_pyfile("missing.cfg", silent=True) is False
    tmpdir.mkdir("adir")
    assert config.from_pyfile("adir", silent=True) is False
    tmpdir.join("afile").write_text(u"", encoding="utf-8")
    assert config.from_pyfile("afile/below", silent=True) is False
    assert config == {}


def test_from_pyfile_directory_not_silent(config, tmpdir):
    tmpdir.mkdir("adir")
    with pytest.raises(IOError) as excinfo:
        config.from_pyfile("adir")
    assert excinfo.value.errno == errno.EISDIR
    assert "Unable to load configuration file" in str(excinfo.value)


def test_from_pyfile_errors_in_the_file_propagate(config, tmpdir):
    write(tmpdir.join("syntax.cfg"), "X = (\n")
    with pytest.raises(SyntaxError):
        config.from_pyfile("syntax.cfg", silent=True)

    # An I/O error raised by the file's own code is not "file missing".
    write(tmpdir.join("io.cfg"), "open('/fc-cfg/no/such/file')\n")
    with pytest.raises(IOError) as excinfo:
        config.from_pyfile("io.cfg", silent=True)
    assert "Unable to load configuration file" not in str(excinfo.value)


# -- from_envvar ----------------------------------------------------------------


def test_from_envvar_unset(config, monkeypatch):
    monkeypatch.delenv(ENV_NAME, raising=False)
    with pytest.raises(RuntimeError) as excinfo:
        config.from_envvar(ENV_NAME)
    message = str(excinfo.value)
    assert "The environment variable '%s' is not set" % ENV_NAME in message
    assert "Set this variable and make it point to a configuration file" in message


def test_from_envvar_empty_counts_as_unset(config, monkeypatch):
    monkeypatch.setenv(ENV_NAME, str(""))
    with pytest.raises(RuntimeError):
        config.from_envvar(ENV_NAME)
    assert config.from_envvar(ENV_NAME, silent=True) is False


def test_from_envvar_unset_silent(config, monkeypatch):
    monkeypatch.delenv(ENV_NAME, raising=False)
    assert config.from_envvar(ENV_NAME, silent=True) is False
    assert config == {}


def test_from_envvar_loads_file(config, tmpdir, monkeypatch):
    path = write(tmpdir.join("env.cfg"), "SECRET_KEY = 'env'\nlower = 1\n")
    monkeypatch.setenv(ENV_NAME, path.strpath)
    assert config.from_envvar(ENV_NAME) is True
    assert config == {"SECRET_KEY": "env"}


def test_from_envvar_relative_to_root_path(config, tmpdir, monkeypatch):
    write(tmpdir.join("rel.cfg"), "A = 1\n")
    monkeypatch.setenv(ENV_NAME, str("rel.cfg"))
    assert config.from_envvar(ENV_NAME) is True
    assert config["A"] == 1


def test_from_envvar_missing_file(config, tmpdir, monkeypatch):
    missing = tmpdir.join("missing.cfg").strpath
    monkeypatch.setenv(ENV_NAME, missing)
    with pytest.raises(IOError) as excinfo:
        config.from_envvar(ENV_NAME)
    assert excinfo.value.errno == errno.ENOENT
    assert MISSING_MSG in str(excinfo.value)
    assert missing in str(excinfo.value)
    assert config.from_envvar(ENV_NAME, silent=True) is False


# -- from_mapping ----------------------------------------------------------------


def test_from_mapping_dict(config):
    assert config.from_mapping({"SECRET_KEY": "devkey", "lower": 1, "Mixed": 2}) is True
    assert config == {"SECRET_KEY": "devkey"}


def test_from_mapping_pairs(config):
    assert config.from_mapping([("SECRET_KEY", "devkey"), ("lower", 1)]) is True
    assert config == {"SECRET_KEY": "devkey"}


def test_from_mapping_kwargs_and_positional(config):
    assert config.from_mapping({"A": 1, "B": 1}, B=2, c=3, D=4) is True
    assert config == {"A": 1, "B": 2, "D": 4}


def test_from_mapping_no_arguments(config):
    assert config.from_mapping() is True
    assert config == {}


def test_from_mapping_ignores_non_string_keys(config):
    config.from_mapping({1: "one", ("T",): "tuple", "OK": True})
    assert config == {"OK": True}


def test_from_mapping_too_many_positional(config):
    with pytest.raises(TypeError) as excinfo:
        config.from_mapping({}, {})
    assert "expected at most 1 positional argument, got 2" in str(excinfo.value)


# -- from_json --------------------------------------------------------------------


def test_from_json(config, tmpdir):
    tmpdir.join("config.json").write_text(
        u'{"SECRET_KEY": "devkey", "TEST_KEY": "foo", "PORT": 5000, '
        u'"NESTED": {"a": [1, 2]}, "lower": true}',
        encoding="utf-8",
    )
    assert config.from_json("config.json") is True
    assert config == {
        "SECRET_KEY": "devkey",
        "TEST_KEY": "foo",
        "PORT": 5000,
        "NESTED": {"a": [1, 2]},
    }


def test_from_json_non_ascii_is_text(config, tmpdir):
    # Raw UTF-8 bytes and \u escapes must give the same text on both Pythons.
    tmpdir.join("config.json").write_binary(
        u'{"NAME": "Jos\u00e9 \u00fcber \u20ac", "ESCAPED": "\\u00e9\\u4e2d"}'.encode(
            "utf-8"
        )
    )
    config.from_json("config.json")
    assert config["NAME"] == u"Jos\u00e9 \u00fcber \u20ac"
    assert config["ESCAPED"] == u"\u00e9\u4e2d"
    assert isinstance(config["NAME"], text_type)
    assert isinstance(config["ESCAPED"], text_type)


def test_from_json_missing_file(config, tmpdir):
    with pytest.raises(IOError) as excinfo:
        config.from_json("missing.json")
    err = excinfo.value
    assert err.errno == errno.ENOENT
    expected_path = os.path.join(tmpdir.strpath, "missing.json")
    assert err.filename == expected_path
    assert MISSING_MSG in str(err)
    assert expected_path in str(err)


def test_from_json_missing_file_silent(config, tmpdir):
    assert config.from_json("missing.json", silent=True) is False
    tmpdir.mkdir("adir")
    assert config.from_json("adir", silent=True) is False
    assert config == {}


def test_from_json_other_io_errors_not_silenced(config, monkeypatch):
    def refuse(filename, *args, **kwargs):
        raise IOError(errno.EACCES, "Permission denied", filename)

    monkeypatch.setattr(io, "open", refuse)
    with pytest.raises(IOError) as excinfo:
        config.from_json("config.json", silent=True)
    assert excinfo.value.errno == errno.EACCES
    assert "Unable to load configuration file (Permission denied)" in str(
        excinfo.value
    )


def test_from_json_invalid_content(config, tmpdir):
    tmpdir.join("bad.json").write_text(u"{not json", encoding="utf-8")
    with pytest.raises(ValueError):
        config.from_json("bad.json", silent=True)


# -- get_namespace ----------------------------------------------------------------


@pytest.fixture
def namespaced(config):
    config.update(
        FOO_OPTION_1="foo option 1",
        FOO_OPTION_2="foo option 2",
        BAR_STUFF_1="bar stuff 1",
        BAR_STUFF_2="bar stuff 2",
    )
    return config


def test_get_namespace_default(namespaced):
    assert namespaced.get_namespace("FOO_") == {
        "option_1": "foo option 1",
        "option_2": "foo option 2",
    }


def test_get_namespace_keep_case(namespaced):
    assert namespaced.get_namespace("BAR_", lowercase=False) == {
        "STUFF_1": "bar stuff 1",
        "STUFF_2": "bar stuff 2",
    }


def test_get_namespace_keep_prefix(namespaced):
    assert namespaced.get_namespace("FOO_", trim_namespace=False) == {
        "foo_option_1": "foo option 1",
        "foo_option_2": "foo option 2",
    }
    assert namespaced.get_namespace(
        "BAR_", lowercase=False, trim_namespace=False
    ) == {"BAR_STUFF_1": "bar stuff 1", "BAR_STUFF_2": "bar stuff 2"}


def test_get_namespace_returns_a_copy(namespaced):
    ns = namespaced.get_namespace("FOO_")
    ns["option_1"] = "changed"
    assert namespaced["FOO_OPTION_1"] == "foo option 1"
    assert namespaced.get_namespace("NOPE_") == {}


# -- ConfigAttribute ----------------------------------------------------------------


class Owner(object):
    debug = ConfigAttribute("DEBUG")
    lifetime = ConfigAttribute("LIFETIME", get_converter=lambda s: timedelta(seconds=s))

    def __init__(self, **values):
        self.config = dict(values)


def test_config_attribute_forwards_reads_and_writes():
    owner = Owner(DEBUG=False)
    assert owner.debug is False
    owner.debug = True
    assert owner.config["DEBUG"] is True
    owner.config["DEBUG"] = "changed"
    assert owner.debug == "changed"


def test_config_attribute_converter_applies_on_read_only():
    owner = Owner(LIFETIME=60)
    assert owner.lifetime == timedelta(seconds=60)
    owner.lifetime = 120
    assert owner.config["LIFETIME"] == 120
    assert owner.lifetime == timedelta(minutes=2)


def test_config_attribute_on_class_returns_descriptor():
    descriptor = Owner.debug
    assert isinstance(descriptor, ConfigAttribute)
    assert descriptor.__name__ == "DEBUG"
    assert descriptor.get_converter is None


def test_config_attribute_missing_key():
    with pytest.raises(KeyError):
        Owner().debug


def test_config_attribute_with_config_object(tmpdir):
    class App(object):
        testing = ConfigAttribute("TESTING")
        secret_key = ConfigAttribute("SECRET_KEY")

        def __init__(self):
            self.config = Config(tmpdir.strpath, {"TESTING": False, "SECRET_KEY": None})

    app = App()
    app.testing = True
    app.config.from_mapping(SECRET_KEY="s3cr3t")
    assert app.config["TESTING"] is True
    assert app.secret_key == "s3cr3t"
