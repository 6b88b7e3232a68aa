from __future__ import annotations

from pathlib import Path

import pytest

from tui import config
from tui.config import ConfigError, Settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(config, "user_config_dir", lambda _name: str(tmp_path / "nowhere"))
    settings = config.load(environ={})
    assert settings == Settings()
    assert settings.corpus == Path("corpus") and settings.export_directory == Path("exports")


def test_repo_config_is_valid():
    root = Path(__file__).resolve().parent.parent
    settings = config.load(root / "config.yaml")
    assert settings.warnings == []
    assert settings.corpus == root / "corpus"
    assert "Pentagon" in settings.entities.aliases


def test_paths_are_relative_to_the_file_and_types_are_read(tmp_path):
    path = write(
        tmp_path / "conf" / "c.yaml",
        """
corpus: ../articles
export:
  directory: out
entities:
  aliases:
    Pentagon: [US Department of Defense]
    Moon Jae-in: President Moon
  ignore: [Reuters, AP]
theme: nord
keys:
  export: ctrl+s
show_comments: true
""",
    )
    s = config.load(path)
    assert s.corpus == tmp_path / "conf" / "../articles"
    assert s.export_directory == tmp_path / "conf" / "out"
    assert s.entities.aliases == {
        "Pentagon": ["US Department of Defense"],
        "Moon Jae-in": ["President Moon"],
    }
    assert s.entities.ignore == ["Reuters", "AP"]
    assert (s.theme, s.keys, s.show_comments) == ("nord", {"export": "ctrl+s"}, True)


def test_lookup_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    user_dir = tmp_path / "user"
    monkeypatch.setattr(config, "user_config_dir", lambda _name: str(user_dir))
    write(user_dir / "config.yaml", "theme: user\n")
    assert config.load(environ={}).theme == "user"
    write(tmp_path / "config.yaml", "theme: local\n")
    assert config.load(environ={}).theme == "local"
    env_file = write(tmp_path / "env.yaml", "theme: env\n")
    assert config.load(environ={"NEWSDESK_CONFIG": str(env_file)}).theme == "env"
    flag_file = write(tmp_path / "flag.yaml", "theme: flag\n")
    assert config.load(flag_file, environ={"NEWSDESK_CONFIG": str(env_file)}).theme == "flag"


def test_named_file_must_exist(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        config.load(tmp_path / "missing.yaml")
    with pytest.raises(ConfigError, match="not found"):
        config.load(environ={"NEWSDESK_CONFIG": str(tmp_path / "gone.yaml")})


def test_unknown_keys_are_named_in_warnings(tmp_path):
    path = write(tmp_path / "c.yaml", "theme: nord\ncolour: red\nentities:\n  alias: {}\n")
    seen: list[str] = []
    config.load(path, warn=seen.append)
    assert seen == [f"{path}:2: unknown key colour", f"{path}:4: unknown key entities.alias"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("theme: nord\nentities: [oops\n", 3, "not valid YAML"),
        ("corpus: a\n  bad indent: b\n", 2, "not valid YAML"),
        ("theme: nord\nentities:\n  ignore: {a: 1}\n", 3, "entities.ignore must be a list"),
        ("export: exports\n", 1, "export must be a mapping"),
        ("theme: [a, b]\n", 1, "theme must be a non-empty string"),
        ("show_comments: maybe\n", 1, "show_comments must be true or false"),
        ("- just\n- a list\n", 1, "the top level must be a mapping"),
        ("theme: nord\n? [a, b]\n: 1\n", 2, "a key must be a plain name"),
        ("{a: 1}: 2\n", 1, "a key must be a plain name"),
        ("keys:\n  ? [export]\n  : ctrl+s\n", 2, "a key must be a plain name"),
        ("theme: nord\nmax_file_mb: !!int abc\n", 2, "invalid literal"),
        ("theme: !!python/name:os.system\n", 1, "could not determine a constructor"),
        ("a: &x [1, 2]\nb: *x\n", 2, "aliases (*x) are not allowed"),
        ("max_file_mb: 1.5\n", 1, "MiB"),
        ("theme: nord\nbuild:\n  scheduler: http://host:8786\n", 3,
         "build.scheduler: 'http://host:8786' is not a Dask scheduler's address"),
        ("build:\n  scheduler: tcp://host:99999\n", 2, "port 99999 is not between 1 and 65535"),
        ("build:\n  scheduler: [tcp://a:8786, tcp://b:8786]\n", 2,
         "build.scheduler must be a non-empty string"),
        ("build: tcp://host:8786\n", 1, "build must be a mapping"),
    ],
)
def test_bad_config_names_file_and_line(tmp_path, text, line, message):
    path = write(tmp_path / "c.yaml", text)
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert str(err.value).startswith(f"{path}:{line}:")
    assert message in str(err.value)


def test_absurdly_nested_config_is_a_clear_error(tmp_path):
    path = write(tmp_path / "c.yaml", "theme: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(ConfigError, match="nested too deeply|not valid YAML|must be"):
        config.load(path)


def test_a_long_ignore_list_is_read_without_a_yaml_load_per_name(tmp_path, monkeypatch):
    """A 50 MB entities.ignore took minutes when every name (and the whole list, to see
    whether it was null) went through a YAML serialise and load of its own: how many
    loads a config takes must not grow with its lists."""
    loads = 0
    real_load = config.yaml.safe_load

    def counting_load(stream):
        nonlocal loads
        loads += 1
        return real_load(stream)

    monkeypatch.setattr(config.yaml, "safe_load", counting_load)

    def read(n: int) -> tuple[int, config.Settings]:
        nonlocal loads
        names = "".join(f"    - Name {i}\n" for i in range(n))
        path = write(
            tmp_path / f"c{n}.yaml",
            f"entities:\n  aliases:\n    Canonical:\n{names}  ignore:\n{names}",
        )
        loads = 0
        settings = config.load(path)
        return loads, settings

    few, short = read(10)
    many, long = read(2_000)
    assert long.entities.ignore == [f"Name {i}" for i in range(2_000)]
    assert long.entities.aliases == {"Canonical": long.entities.ignore}
    assert short.entities.ignore == long.entities.ignore[:10]
    assert many == few


@pytest.mark.parametrize(
    "item, read",
    [
        ("plain", "plain"),
        ("'123'", "123"),
        ("123", "123"),
        ("0x1F", "31"),
        ("1.5", "1.5"),
        ("'yes'", "yes"),
        ("!!str 12", "12"),
        ('"tab\\there"', "tab\there"),
        ("'  spaced  '", "  spaced  "),
        ("Zürich", "Zürich"),
        ('"\\x85\\u2028"', "\x85\u2028"),
    ],
)
def test_ignore_items_read_as_their_yaml_values(tmp_path, item, read):
    path = write(tmp_path / "c.yaml", f"entities:\n  ignore:\n    - {item}\n")
    assert config.load(path).entities.ignore == [read]


# --- hostile input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["theme:\n", "corpus:\n", "keys:\n", "max_file_mb:\n", "export:\n  directory:\n",
     "entities:\n  ignore:\n  aliases:\n", "show_comments:\n", "build:\n  scheduler:\n"],
)
def test_an_empty_value_keeps_the_default(tmp_path, text):
    path = write(tmp_path / "c.yaml", text)
    settings = config.load(path)
    assert settings == Settings(source=path)


def test_billion_laughs_is_refused_without_expanding(tmp_path):
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
              for p, c in zip("abcdefgh", "bcdefghi")]
    lines.append("entities:\n  ignore: *i")
    path = write(tmp_path / "c.yaml", "\n".join(lines) + "\n")
    with pytest.raises(ConfigError, match=rf"^{path}:2: aliases \(\*a\) are not allowed"):
        config.load(path)


def test_an_oversized_config_is_refused_before_parsing(tmp_path, monkeypatch):
    path = tmp_path / "c.yaml"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("entities:\n  ignore:\n")
        fh.write("    - Reuters\n" * (config.MAX_CONFIG_BYTES // 14 + 1))
    composed: list[str] = []
    monkeypatch.setattr(config.yaml, "compose", lambda *a, **k: composed.append("x"))
    with pytest.raises(ConfigError, match=rf"^{path}: over 1 MiB, too big"):
        config.load(path)
    assert composed == []


@pytest.mark.parametrize(
    "keys",
    ["ctrl+s", "f5", "ctrl+shift+up", "question_mark", "?", "N", "alt+x,ctrl+x", "é",
     " ctrl+s , f2 ", "slash", "full_stop", "pagedown", "escape", "space", "minus"],
)
def test_good_key_remaps_are_accepted(tmp_path, keys):
    path = write(tmp_path / "c.yaml", f"keys:\n  export: {keys!r}\n")
    assert config.load(path).keys == {"export": ",".join(k.strip() for k in keys.split(","))}


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ('"zzz+qqq"', "'zzz' is not a modifier"),
        ('"\\u0000"', "is not a key Textual knows"),
        ('"ctrl+"', "has no key after its last +"),
        ('"a,,b"', "has an empty alternative"),
        ('"ctrl+ctrl+a"', "repeats a modifier"),
        ('"enterr"', "'enterr' is not a key Textual knows"),
        ('"ctrl+q"', "ctrl+q always quits"),
        ('"f2, ctrl+q"', "ctrl+q always quits"),
        ("[a, b]", "keys.help must be a non-empty string"),
    ],
)
def test_bad_key_remaps_name_file_and_line(tmp_path, keys, message):
    path = write(tmp_path / "c.yaml", f"theme: nord\nkeys:\n  help: {keys}\n")
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert str(err.value).startswith(f"{path}:3: keys.help")
    assert message in str(err.value)


def test_a_quit_remap_adds_a_key_and_keeps_ctrl_q(tmp_path):
    path = write(tmp_path / "c.yaml", "keys:\n  quit: q\n")
    assert config.load(path).keys == {"quit": "q,ctrl+q"}
    path = write(tmp_path / "d.yaml", "keys:\n  quit: ctrl+q,f10\n")
    assert config.load(path).keys == {"quit": "ctrl+q,f10"}


def test_key_names_match_the_ones_textual_gives_keys():
    """The config's list of key names is written out so that the core needs no Textual;
    this holds it to Textual's own names."""
    from textual.keys import Keys, _character_to_key

    for key in Keys:
        if not key.value.startswith("<") and key.value != "ctrl-at":
            assert config.key_problem(key.value) is None, key.value
    for code in range(33, 127):
        assert config.key_problem(_character_to_key(chr(code))) is None, chr(code)


@pytest.mark.parametrize(
    "address", ["tcp://10.0.0.5:8786", "tls://sched.example.org:8786", "localhost:8786",
                "tcp://[::1]:8786", "sched"],
)
def test_a_scheduler_address_is_read(tmp_path, address):
    path = write(tmp_path / "c.yaml", f"build:\n  scheduler: '{address}'\n")
    assert config.load(path).build_scheduler == address
    assert config.scheduler_problem(address) is None
