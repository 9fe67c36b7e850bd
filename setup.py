"""flaskcompat: the Flask 1.1 API on Python 2.7 and Python 3, one code base."""
import io
import os

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

#: Installed into site-packages beside the packages.  Python runs an
#: ``import`` line of a ``.pth`` file at every start-up, so
#: ``FLASKCOMPAT_AS_FLASK=1`` makes ``flask`` mean flaskcompat in every
#: process that inherits it (command line, test runner, WSGI workers,
#: subprocesses) without any code of the user's running first.
ALIAS_PTH = "flaskcompat-as-flask.pth"
#: The variable is tested before anything is imported: the line runs in every
#: interpreter of the environment, and importing ``_compat`` there would put
#: flaskcompat's package in front of an application's own ``_compat`` module
#: in processes that never use flaskcompat.
ALIAS_PTH_LINE = (
    "import os; os.environ.get('FLASKCOMPAT_AS_FLASK') == '1' and "
    "__import__('_compat.flask_alias').flask_alias.install_from_environment()\n"
)


class build_py_with_alias_hook(build_py):
    """``build_py`` that also writes :data:`ALIAS_PTH` into the build."""

    def run(self):
        build_py.run(self)
        target = os.path.join(self.build_lib, ALIAS_PTH)
        with open(target, "w") as f:
            f.write(ALIAS_PTH_LINE)

here = os.path.abspath(os.path.dirname(__file__))
with io.open(os.path.join(here, "README.md"), encoding="utf-8") as f:
    long_description = f.read()

PY2 = 'python_version < "3"'
PY3 = 'python_version >= "3"'

setup(
    name="flaskcompat",
    version="0.1.0.dev0",
    cmdclass={"build_py": build_py_with_alias_hook},
    description="The Flask 1.1 API on Python 2.7 and Python 3, for migrating legacy apps",
    long_description=long_description,
    long_description_content_type="text/markdown",
    license="BSD-3-Clause",
    packages=find_packages(include=["flaskcompat", "flaskcompat.*", "_compat", "_compat.*"]),
    include_package_data=True,
    zip_safe=False,
    python_requires=">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*, !=3.5.*, !=3.6.*, !=3.7.*, !=3.8.*",
    install_requires=[
        "six>=1.16",
        # Python 2: the last releases that support it.
        "Werkzeug==1.0.1; " + PY2,
        "Jinja2==2.11.3; " + PY2,
        "MarkupSafe==1.1.1; " + PY2,
        "itsdangerous==1.1.0; " + PY2,
        "click==7.1.2; " + PY2,
        # Python 3: maintained, security-fixed releases; the lower bounds are
        # what tox's "lowest" environments install and test.
        "Werkzeug>=3.0.6,<4; " + PY3,
        "Jinja2>=3.1.5,<4; " + PY3,
        "MarkupSafe>=2.1.1; " + PY3,
        "itsdangerous>=2.1.2,<3; " + PY3,
        "click>=8.1.3,<9; " + PY3,
    ],
    extras_require={
        "tests": [
            "pytest>=4.6.11",
            "hypothesis>=4.57.1",
            "blinker>=1.4",
            # examples/blog is served by both over real HTTP; the Python 2
            # pins are their last releases that support it.
            "gunicorn==19.10.0; " + PY2,
            "gunicorn>=23; " + PY3,
            "waitress==1.4.4; " + PY2,
            "waitress>=3.0.1; " + PY3,
        ],
        "docs": ["sphinx>=7.2", "myst-parser>=2"],
        "dotenv": ["python-dotenv>=0.18"],
    },
    entry_points={"console_scripts": ["flaskcompat = flaskcompat.cli:main"]},
    classifiers=[
        "Framework :: Flask",
        "Intended Audience :: Developers",
        "Programming Language :: Python :: 2",
        "Programming Language :: Python :: 2.7",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.13",
        "Programming Language :: Python :: Implementation :: CPython",
        "Programming Language :: Python :: Implementation :: PyPy",
        "Topic :: Internet :: WWW/HTTP :: WSGI :: Application",
    ],
)
