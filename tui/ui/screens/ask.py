"""A small dialog that asks for one value (a name, a type), offering the choices that
fit what is typed, and refusing, with the reason under the box, what cannot be used."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList

MAX_CHOICES = 8

# what is typed → the choices that fit it, best first
Choices = Callable[[str], list[str]]
# a value → why it cannot be used, or None
Check = Callable[[str], str | None]


class AskScreen(ModalScreen[str | None]):
    """Dismissed with the value (stripped) on enter, or None on esc."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask_cancel")]
    DEFAULT_CSS = """
    AskScreen { align: center middle; }
    AskScreen > Vertical {
        width: 64; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    AskScreen .ask-prompt { width: 100%; color: $text; margin-bottom: 1; }
    AskScreen .ask-problem { color: $text-error; height: auto; }
    AskScreen OptionList { height: auto; max-height: 10; border: none; padding: 0; }
    """

    def __init__(
        self, title: str, prompt: str, value: str = "", *, choices: Choices | None = None,
        check: Check | None = None, placeholder: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt
        self.value = value
        self.choices = choices
        self.check = check
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            box.border_subtitle = "enter ok · ↓ choices · esc cancel"
            yield Label(Content(self.prompt), classes="ask-prompt")
            yield Input(self.value, placeholder=self.placeholder, id="ask-input")
            yield Label("", classes="ask-problem", id="ask-problem")
            if self.choices is not None:
                yield OptionList(id="ask-choices")

    def on_mount(self) -> None:
        self._offer(self.value)

    @on(Input.Changed, "#ask-input")
    def _changed(self, event: Input.Changed) -> None:
        self.query_one("#ask-problem", Label).update("")
        self._offer(event.value)

    def _offer(self, text: str) -> None:
        if self.choices is None:
            return
        options = self.query_one("#ask-choices", OptionList)
        options.clear_options()
        found = self.choices(text)[:MAX_CHOICES]
        # (Content: names are text, never markup)
        options.add_options([Content(choice) for choice in found])
        options.display = bool(found)
        if found:
            options.highlighted = 0

    def _choice(self, index: int | None) -> str | None:
        if self.choices is None or index is None:
            return None
        options = self.query_one("#ask-choices", OptionList)
        if not 0 <= index < options.option_count:
            return None
        return str(options.get_option_at_index(index).prompt)

    @on(Input.Submitted, "#ask-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if self.choices is not None and value:
            exact = [c for c in self.choices(value) if c == value]
            if not exact:  # what is typed is not a choice: the best choice that fits it
                value = self._choice(0) or value
        self._answer(value)

    @on(OptionList.OptionSelected, "#ask-choices")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._answer(str(event.option.prompt))

    def _answer(self, value: str) -> None:
        problem = self.check(value) if self.check is not None else None
        if problem is not None:
            self.query_one("#ask-problem", Label).update(Content(problem))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def key_down(self) -> None:
        if self.choices is not None and isinstance(self.focused, Input):
            options = self.query_one("#ask-choices", OptionList)
            if options.display:
                options.focus()

    def key_up(self) -> None:
        options = self.query_one("#ask-choices", OptionList) if self.choices else None
        if options is not None and self.focused is options and options.highlighted == 0:
            self.query_one(Input).focus()
