# -*- coding: utf-8 -*-
"""Instance folders, as in Flask 1.1: where ``instance_path`` points for
scripts, source modules and packages, installed modules, packages and eggs;
``instance_relative_config``; ``open_instance_resource``.

Each test writes its modules into a temporary folder put first on
``sys.path`` and forgets them afterwards.
"""
from __future__ import absolute_import

import os
import sys
import zipfile

import pytest

from _compat.strings import to_bytes
from flaskcompat import Flask
from flaskcompat.helpers import find_package

APP_SOURCE = "import flaskcompat\napp = flaskcompat.Flask(__name__)\n"


def _invalidate_import_caches():
    try:
        from importlib import invalidate_caches
    except ImportError:  # Python 2 has no import caches to clear
        return
    invalidate_caches()


@pytest.fixture
def modules_tmpdir(tmpdir, monkeypatch):
    """A folder first on ``sys.path``."""
    folder = tmpdir.mkdir("modules_tmpdir")
    monkeypatch.syspath_prepend(folder.strpath)
    _invalidate_import_caches()
    return folder


@pytest.fixture
def purge_module(request):
    """``purge_module(name)``: forget the module *name* (and its submodules)
    before the test imports it and again after the test."""

    def purge(name):
        def forget():
            for key in list(sys.modules):
                if key == name or key.startswith(name + "."):
                    del sys.modules[key]

        forget()
        request.addfinalizer(forget)

    return purge


@pytest.fixture
def prefix_is_modules_tmpdir(modules_tmpdir, monkeypatch):
    """Pretend the interpreter is installed in ``modules_tmpdir``."""
    monkeypatch.setattr(sys, "prefix", modules_tmpdir.strpath)
    return modules_tmpdir


def site_packages_in(folder, *parts):
    """``folder/<parts>/site-packages``, created and put on ``sys.path``."""
    site = folder
    for part in parts + ("site-packages",):
        site = site.mkdir(part)
    sys.path.insert(0, site.strpath)
    _invalidate_import_caches()
    return site


@pytest.fixture
def restore_sys_path():
    saved = list(sys.path)
    yield
    sys.path[:] = saved


def import_app(name):
    module = __import__(name, fromlist=["app"])
    return module.app


# -- explicit instance paths ---------------------------------------------------


def test_explicit_instance_path_must_be_absolute(tmpdir):
    with pytest.raises(ValueError) as excinfo:
        Flask(__name__, instance_path="instance")
    assert "must be absolute" in str(excinfo.value)
    path = tmpdir.join("inst").strpath
    assert Flask(__name__, instance_path=path).instance_path == path


def test_explicit_instance_path_need_not_exist(tmpdir):
    path = tmpdir.join("not", "yet").strpath
    app = Flask(__name__, instance_path=path)
    assert app.instance_path == path
    assert not os.path.exists(path)


# -- found instance paths ---------------------------------------------------------


def test_main_module_uses_the_working_directory(tmpdir, monkeypatch):
    monkeypatch.chdir(tmpdir.strpath)
    app = Flask("__main__")
    assert app.instance_path == os.path.join(os.getcwd(), "instance")


def test_unknown_module_uses_the_working_directory(tmpdir, monkeypatch):
    monkeypatch.chdir(tmpdir.strpath)
    app = Flask("no_such_module_anywhere_xyz")
    assert app.instance_path == os.path.join(os.getcwd(), "instance")


def test_uninstalled_module(modules_tmpdir, purge_module):
    modules_tmpdir.join("config_module_app.py").write(APP_SOURCE)
    purge_module("config_module_app")
    app = import_app("config_module_app")
    assert app.instance_path == modules_tmpdir.join("instance").strpath
    assert app.root_path == modules_tmpdir.strpath


def test_uninstalled_module_before_import(modules_tmpdir, purge_module):
    """A module found on sys.path but never imported has the same folder."""
    modules_tmpdir.join("not_imported_app.py").write("x = 1\n")
    purge_module("not_imported_app")
    app = Flask("not_imported_app")
    assert app.instance_path == modules_tmpdir.join("instance").strpath
    assert "not_imported_app" not in sys.modules


def test_uninstalled_package(modules_tmpdir, purge_module):
    package = modules_tmpdir.mkdir("config_package_app")
    package.join("__init__.py").write(APP_SOURCE)
    purge_module("config_package_app")
    app = import_app("config_package_app")
    # Beside the package, not inside it.
    assert app.instance_path == modules_tmpdir.join("instance").strpath
    assert app.root_path == package.strpath


def test_submodule_of_uninstalled_package(modules_tmpdir, purge_module):
    package = modules_tmpdir.mkdir("config_outer_app")
    package.join("__init__.py").write("")
    package.join("views.py").write(APP_SOURCE)
    purge_module("config_outer_app")
    app = import_app("config_outer_app.views")
    assert app.instance_path == modules_tmpdir.join("instance").strpath
    assert app.root_path == package.strpath


def test_installed_module_under_prefix(prefix_is_modules_tmpdir, purge_module, restore_sys_path):
    site = site_packages_in(prefix_is_modules_tmpdir, "lib", "python")
    site.join("site_app.py").write(APP_SOURCE)
    purge_module("site_app")
    app = import_app("site_app")
    assert app.instance_path == prefix_is_modules_tmpdir.join("var", "site_app-instance").strpath


def test_installed_package_under_prefix(prefix_is_modules_tmpdir, purge_module, restore_sys_path):
    site = site_packages_in(prefix_is_modules_tmpdir, "lib", "python")
    site.mkdir("installed_package").join("__init__.py").write(APP_SOURCE)
    purge_module("installed_package")
    app = import_app("installed_package")
    assert app.instance_path == prefix_is_modules_tmpdir.join(
        "var", "installed_package-instance").strpath


def test_package_anywhere_under_prefix(prefix_is_modules_tmpdir, purge_module):
    """Under sys.prefix counts as installed, site-packages or not."""
    prefix_is_modules_tmpdir.mkdir("prefix_package").join("__init__.py").write(APP_SOURCE)
    purge_module("prefix_package")
    app = import_app("prefix_package")
    assert app.instance_path == prefix_is_modules_tmpdir.join(
        "var", "prefix_package-instance").strpath


@pytest.mark.parametrize("layout, base", [
    # UNIX: <base>/lib/pythonX.Y/site-packages
    (("lib", "python3.11"), ()),
    # Windows: <base>/Lib/site-packages
    (("Lib",), ()),
    # Anything else: the folder above site-packages
    (("opt", "pkgs"), ("opt", "pkgs")),
])
def test_installed_outside_prefix(tmpdir, purge_module, restore_sys_path, layout, base):
    """A site-packages that is not under sys.prefix (a --target install)."""
    prefix = tmpdir.mkdir("elsewhere")
    site = site_packages_in(prefix, *layout)
    site.join("site_elsewhere_app.py").write(APP_SOURCE)
    purge_module("site_elsewhere_app")
    app = import_app("site_elsewhere_app")
    expected = prefix.join(*base) if base else prefix
    assert app.instance_path == expected.join("var", "site_elsewhere_app-instance").strpath
    assert find_package("site_elsewhere_app") == (expected.strpath, site.strpath)


def test_egg_installed(prefix_is_modules_tmpdir, purge_module, restore_sys_path):
    site = site_packages_in(prefix_is_modules_tmpdir, "lib", "python")
    egg_path = site.join("SiteEgg.egg").strpath
    with zipfile.ZipFile(egg_path, "w") as egg:
        egg.writestr("site_egg/__init__.py", to_bytes(APP_SOURCE))
    sys.path.insert(0, egg_path)
    _invalidate_import_caches()
    purge_module("site_egg")
    app = import_app("site_egg")
    assert app.instance_path == prefix_is_modules_tmpdir.join("var", "site_egg-instance").strpath


def test_instance_path_of_this_test_module():
    """The test modules are a source checkout: instance/ beside them."""
    here = os.path.dirname(os.path.abspath(__file__))
    assert find_package(__name__) == (None, here)
    assert Flask(__name__).instance_path == os.path.join(here, "instance")


# -- configuration and resources -----------------------------------------------------


def test_instance_relative_config(tmpdir):
    instance = tmpdir.mkdir("instance")
    instance.join("settings.py").write("SECRET = 'from instance'\nlowercase = 1\n")
    root = tmpdir.mkdir("root")
    root.join("settings.py").write("SECRET = 'from root'\n")

    app = Flask(__name__, root_path=root.strpath, instance_path=instance.strpath,
                instance_relative_config=True)
    assert app.config.root_path == instance.strpath
    assert app.config.from_pyfile("settings.py")
    assert app.config["SECRET"] == "from instance"
    assert "lowercase" not in app.config

    app = Flask(__name__, root_path=root.strpath, instance_path=instance.strpath)
    assert app.config.root_path == root.strpath
    app.config.from_pyfile("settings.py")
    assert app.config["SECRET"] == "from root"


def test_instance_relative_config_missing_file(tmpdir):
    app = Flask(__name__, instance_path=tmpdir.join("none").strpath,
                instance_relative_config=True)
    assert app.config.from_pyfile("settings.py", silent=True) is False
    with pytest.raises(IOError):
        app.config.from_pyfile("settings.py")


def test_open_instance_resource_reads_and_writes(tmpdir):
    instance = tmpdir.mkdir("instance")
    app = Flask(__name__, instance_path=instance.strpath)
    data = u"Gr\u00fc\u00dfe \u20ac\n".encode("utf-8")
    with app.open_instance_resource("state.bin", "wb") as f:
        f.write(data)
    assert instance.join("state.bin").read_binary() == data
    # "rb" is the default mode.
    with app.open_instance_resource("state.bin") as f:
        assert f.read() == data
    with app.open_instance_resource("state.bin", "ab") as f:
        f.write(b"more")
    with app.open_instance_resource("state.bin", "rb") as f:
        assert f.read() == data + b"more"


def test_open_instance_resource_missing(tmpdir):
    app = Flask(__name__, instance_path=tmpdir.strpath)
    with pytest.raises((IOError, OSError)):
        app.open_instance_resource("missing.txt")


def test_open_instance_resource_text_modes_are_utf8_everywhere(tmpdir):
    from flaskcompat import Flask

    app = Flask(__name__, instance_path=str(tmpdir.mkdir("instance")))
    with app.open_instance_resource(u"n\u00f6te.txt", "w") as f:
        f.write(u"Gr\u00fc\u00dfe\n")
    with app.open_instance_resource(u"n\u00f6te.txt") as f:
        assert f.read() == u"Gr\u00fc\u00dfe\n".encode("utf-8")
    with app.open_instance_resource(u"n\u00f6te.txt", "r") as f:
        assert f.read() == u"Gr\u00fc\u00dfe\n"
