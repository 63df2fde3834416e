"""The backend registry: built-ins, the decorator, plugin directories, entry points, broken plugins."""

from __future__ import annotations

import asyncio
import shutil
import textwrap
from pathlib import Path

import pytest

from backends.fake import FakeBackend
from backends.lnbits import LNbitsBackend
from backends.registry import BackendRegistry, default_plugin_dirs, register_backend
from core.errors import ConfigError
from core.ports.lightning import LightningBackend, OptionSpec, PaymentState

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "example_plugin" / "example_backend.py"


def test_builtins_are_registered_case_insensitively() -> None:
    registry = BackendRegistry().discover(plugin_dirs=[], entry_points=False)
    assert {"Fake", "LNbits"} <= set(registry.list())
    assert registry.get("lnbits") is LNbitsBackend
    assert registry.get("FAKE") is FakeBackend
    assert registry.origin("LNbits") == "builtin"
    assert registry.errors == []
    with pytest.raises(ConfigError, match="unknown backend type 'nope'"):
        registry.get("nope")


def test_register_get_list_and_the_decorator() -> None:
    @register_backend("Mine")
    class Mine(FakeBackend):
        options = (OptionSpec("x"),)

    registry = BackendRegistry()
    registry.register("Mine", Mine)
    assert registry.list() == ["Mine"]
    assert Mine.type_name == "Mine"
    assert registry.get("mine") is Mine
    with pytest.raises(ConfigError, match="already registered"):
        registry.register("MINE", FakeBackend)
    with pytest.raises(ConfigError, match="lacks"):
        registry.register("Broken", object)


async def _exercise_example(registry: BackendRegistry) -> None:
    cls = registry.get("example")
    payer = cls.from_options({"wallet": "payer", "balance": "100"})
    payee = cls.from_options({"wallet": "payee"})
    assert isinstance(payer, LightningBackend)
    invoice = await payee.create_invoice(30, memo="hello")
    result = await payer.pay_invoice(invoice.bolt11)
    assert result.state is PaymentState.SETTLED
    assert (await payee.invoice_status(invoice.payment_hash)).state is PaymentState.SETTLED
    assert (await payee.status()).balance == 30_000
    assert (await payer.status()).balance == 70_000
    stream = payee.paid_invoices()
    paid = await asyncio.wait_for(anext(stream), 5)
    await stream.aclose()  # type: ignore[attr-defined]
    assert paid.payment_hash == invoice.payment_hash


async def test_the_example_plugin_loads_from_a_plugin_directory(tmp_path: Path) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    shutil.copy(EXAMPLE, plugins / "example_backend.py")
    registry = BackendRegistry().discover(plugin_dirs=[plugins], entry_points=False)
    assert registry.errors == []
    assert "Example" in registry.list()
    assert registry.origin("example") == str(plugins / "example_backend.py")
    await _exercise_example(registry)


async def test_the_example_plugin_loads_from_an_entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(EXAMPLE, site / "nutdesk_example_plugin.py")
    dist = site / "nutdesk_example_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: nutdesk-example-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[nutdesk.backends]\nexample = nutdesk_example_plugin:ExampleBackend\n")
    monkeypatch.syspath_prepend(str(site))
    registry = BackendRegistry().discover(plugin_dirs=[], entry_points=True)
    assert registry.errors == []
    assert registry.origin("Example").startswith("entry point example")
    await _exercise_example(registry)


def test_a_broken_plugin_is_reported_and_never_stops_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "syntax_error.py").write_text("def broken(:\n")
    (plugins / "raises.py").write_text("raise RuntimeError('no network at import')\n")
    (plugins / "empty.py").write_text("X = 1\n")
    (plugins / "_private.py").write_text("raise SystemExit('never imported')\n")
    package = plugins / "pkgplugin"
    package.mkdir()
    (package / "__init__.py").write_text(
        textwrap.dedent(
            """
            from backends.fake import FakeBackend
            from backends.registry import register_backend

            @register_backend("PkgFake")
            class PkgFake(FakeBackend):
                pass
            """
        )
    )
    site = tmp_path / "site"
    (site / "badep-1.0.dist-info").mkdir(parents=True)
    (site / "badep-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: badep\nVersion: 1.0\n")
    (site / "badep-1.0.dist-info" / "entry_points.txt").write_text("[nutdesk.backends]\nbad = no_such_module:X\n")
    monkeypatch.syspath_prepend(str(site))

    registry = BackendRegistry().discover(plugin_dirs=[plugins, tmp_path / "missing"])
    by_source = {e.source: e.error for e in registry.errors}
    assert "SyntaxError" in by_source[str(plugins / "syntax_error.py")]
    assert by_source[str(plugins / "raises.py")] == "RuntimeError: no network at import"
    assert "registers no backend" in by_source[str(plugins / "empty.py")]
    assert "ModuleNotFoundError" in by_source["entry point bad (no_such_module:X)"]
    assert len(registry.errors) == 4
    # Everything else still loaded.
    assert {"Fake", "LNbits", "PkgFake"} <= set(registry.list())


def test_plugin_dirs_come_from_the_config_dir_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.setenv("NUTDESK_PLUGIN_DIRS", os.pathsep.join([str(tmp_path / "a"), str(tmp_path / "b")]))
    dirs = default_plugin_dirs()
    assert dirs[0].name == "plugins" and "nutdesk" in str(dirs[0])
    assert dirs[1:] == [tmp_path / "a", tmp_path / "b"]
