"""Reading the CAMEO verb dictionary (PETRARCH verb format) into verb blocks and patterns.

The format (``CAMEO.2.0.txt``):

- ``&NAME`` starts a synonym set, one ``+phrase`` per line (a regular plural is added
  unless the phrase or the set name ends in ``_``);
- ``--- NAME [code] ---`` starts a verb block: its synonym verbs follow one per line
  (``WRITE {WROTE WRITTEN} [code]``; ``+ASK_FOR`` for a verb with its particle), then
  its patterns ``- pre * post [code]`` (see :mod:`dateline.events.patterns`);
  ``!VERB`` in a later file takes a verb out of the block (its patterns then no longer
  apply to it);
- ``~`` lines (PETRARCH transformations) are not used.

Files are read into one :class:`VerbDictionary`: a later file can add synsets and
blocks; a block named like an existing one adds its verbs and patterns to it (and sets
its code), and a verb line or a pattern (the same words) repeated in it replaces the
earlier file's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from dateline.events.dictionaries import (
    content_lines,
    open_text,
    phrase_words,
    plural,
    shipped_text,
)
from dateline.events.patterns import (
    NULL_CODE,
    Element,
    Group,
    Marker,
    Pattern,
    Term,
    VerbBlock,
    VerbForm,
    make_term,
)


def parse_codes(text: str) -> tuple[str | None, str | None]:
    """``042:043`` -> ("042", "043"); ``---`` -> (None, None); ``:054`` -> (None, "054")."""
    forward, _, reverse = text.strip().partition(":")
    forward, reverse = forward.strip(), reverse.strip()
    return (forward if forward and forward != NULL_CODE else None,
            reverse if reverse and reverse != NULL_CODE else None)


class VerbDictionary:
    """Verb blocks indexed by verb word, with their synonym sets."""

    def __init__(self) -> None:
        self.synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.blocks: list[VerbBlock] = []
        self.index: dict[str, list[VerbForm]] = {}
        self._heads: dict[tuple[str, ...], frozenset[str]] = {}

    # ------------------------------------------------------------ reading

    def read(self, text: str) -> VerbDictionary:
        """Add the synsets, blocks and patterns of a PETRARCH verb dictionary."""
        self._heads.clear()
        block: VerbBlock | None = None
        synset: str | None = None
        # patterns read before this file: one repeated here (same words) is replaced
        earlier = {id(p) for b in self.blocks for p in b.patterns}
        for line in content_lines(text):
            stripped = line.strip()
            if stripped.startswith("~"):
                continue  # PETRARCH transformations: not used
            if stripped.startswith("&"):
                synset = stripped.split()[0][1:]
                self.synsets[_synset_key(synset)] = ()
                continue
            if stripped.startswith("+") and synset is not None:
                self._add_to_synset(synset, stripped[1:])
                continue
            synset = None
            if stripped.startswith("---"):
                block = self._start_block(stripped)
            elif stripped.startswith("-") and block is not None:
                pattern = self._parse_pattern(stripped[1:])
                if pattern is not None:
                    block.patterns[:] = [p for p in block.patterns
                                         if p.text != pattern.text or id(p) not in earlier]
                    block.patterns.append(pattern)
            elif block is not None and stripped.startswith("!"):
                self._remove_verb(stripped[1:], block)
            elif block is not None:
                self._add_verb(stripped, block)
        return self

    def _add_to_synset(self, name: str, phrase: str) -> None:
        """Add a phrase (and its regular plural, unless ``_`` ends it or the name)."""
        words = phrase_words(phrase)
        if not words:
            return
        options = [words]
        if not (phrase.rstrip().endswith("_") or name.endswith("_")):
            options.append(words[:-1] + (plural(words[-1]),))
        key = _synset_key(name)
        self.synsets[key] = tuple(dict.fromkeys(self.synsets.get(key, ()) + tuple(options)))

    def _start_block(self, line: str) -> VerbBlock:
        match = re.match(r"-+\s*(.*?)\s*\[([^\]]*)\]", line)
        name, codes = (match[1], match[2]) if match else (line.strip("- "), NULL_CODE)
        code, reverse = parse_codes(codes)
        for block in self.blocks:
            if block.name == name:
                # a later file adds verbs and patterns to the block, and its code wins
                block.code, block.reverse = code, reverse
                return block
        block = VerbBlock(name, code, reverse)
        self.blocks.append(block)
        return block

    def _add_verb(self, line: str, block: VerbBlock) -> None:
        code_match = re.search(r"\[([^\]]*)\]", line)
        code, reverse = parse_codes(code_match[1]) if code_match else (None, None)
        has_code = code_match is not None
        line = re.sub(r"\[[^\]]*\]", " ", line)
        forms = re.search(r"\{([^}]*)\}", line)
        main = re.sub(r"\{[^}]*\}", " ", line).strip()
        phrases = [main] + (forms[1].split() if forms else [])
        for phrase in phrases:
            parsed = _verb_phrase(phrase)
            if parsed is None:
                continue
            verb, before, after = parsed
            self._index(VerbForm(verb, before, after, code, reverse, has_code, block))
            if after:
                # "wire tapped": the parser may take the last word for the verb
                self._index(VerbForm(after[-1], before + (verb,) + after[:-1], (), code,
                                     reverse, has_code, block))

    def _remove_verb(self, line: str, block: VerbBlock) -> None:
        """``!CONVICT`` (``!WRITE {WROTE WRITTEN}``): the verb and the forms listed leave
        the block, so that its patterns no longer apply to them; a later block may list
        the verb with a code of its own."""
        line = re.sub(r"\[[^\]]*\]", " ", line)
        forms = re.search(r"\{([^}]*)\}", line)
        main = re.sub(r"\{[^}]*\}", " ", line).strip()
        for phrase in [main] + (forms[1].split() if forms else []):
            parsed = _verb_phrase(phrase)
            if parsed is None:
                continue
            verb, before, after = parsed
            found = self.index.get(verb, [])
            found[:] = [f for f in found if not (f.block is block and f.before == before
                                                 and f.after == after)]

    def _index(self, form: VerbForm) -> None:
        """Add ``form``; a later line for the same verb of the same block replaces it."""
        forms = self.index.setdefault(form.verb, [])
        forms[:] = [f for f in forms if not (f.block is form.block and f.before == form.before
                                             and f.after == form.after)]
        forms.append(form)

    def _parse_pattern(self, text: str) -> Pattern | None:
        code_match = re.search(r"\[([^\]]*)\]", text)
        if not code_match or "*" not in text[: code_match.start()]:
            return None
        code, reverse = parse_codes(code_match[1])
        body = text[: code_match.start()]
        pre_text, _, post_text = body.partition("*")
        try:
            pre = self._elements(_tokens(pre_text))
            post = self._elements(_tokens(post_text))
        except KeyError:
            return None  # an undefined synset: PETRARCH ignores such patterns too
        return Pattern(pre, post, code, reverse, " ".join(body.split()))

    def _elements(self, tokens: list[str]) -> tuple[Element, ...]:
        out: list[Element] = []
        for token in tokens:
            if token.startswith("("):
                inner = _tokens(token[1:-1])
                if not inner:
                    continue
                prep = self._term(inner[0])
                out.append(Group(prep, self._elements(inner[1:])))
            elif token in {"$", "+", "^", "%"}:
                out.append(Marker(token))
            else:
                out.append(self._term(token))
        return tuple(out)

    def _term(self, token: str) -> Term:
        if token.startswith("{"):
            parts = token[1:-1].split()
        else:
            parts = [token]
        options: list[tuple[str, ...]] = [()]
        for part in parts:
            if part.startswith("&"):
                choices = self.synsets[_synset_key(part[1:])]
            else:
                words = phrase_words(part)
                choices = (words,) if words else ((),)
            options = [o + c for o in options for c in choices]
        return make_term(tuple(o for o in options if o))

    # ------------------------------------------------------------ lookup

    def forms(self, lemma: str, text: str) -> list[VerbForm]:
        """Verb forms whose key is the token's lemma or its own text."""
        found = list(self.index.get(lemma, ()))
        if text != lemma:
            found += [f for f in self.index.get(text, ()) if f not in found]
        return found

    def synset_heads(self, names: Iterable[str]) -> frozenset[str]:
        """The last words of the phrases of the named synonym sets ("missile", "gun")."""
        key = tuple(names)
        if key not in self._heads:  # asked once per sentence: kept until a file is read
            self._heads[key] = frozenset(
                option[-1] for name in key
                for option in self.synsets.get(_synset_key(name), ()) if option)
        return self._heads[key]


def _synset_key(name: str) -> str:
    return name.rstrip("_").upper()


def _verb_phrase(phrase: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """``+ASK_FOR`` -> ("ask", (), ("for",)); ``KLM_NOP_+RST`` -> ("rst", (klm, nop), ())."""
    phrase = phrase.strip().rstrip("_")
    if not phrase:
        return None
    parts = [p for p in phrase.split("_") if p]
    at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    words = [phrase_words(p) for p in parts]
    if not all(words):
        return None
    verb_words = words[at]
    before = tuple(w for ws in words[:at] for w in ws)
    after = tuple(w for ws in words[at + 1:] for w in ws)
    # a hyphenated verb ("re-arrest") is one key: the parser keeps it whole or not
    return "".join(verb_words), before, after


def _tokens(text: str) -> list[str]:
    """Split a pattern into items, keeping ``(...)`` and ``{...}`` groups whole."""
    items: list[str] = []
    depth, current = 0, ""
    for char in text:
        if char in "({":
            depth += 1
        elif char in ")}":
            depth -= 1
        if char.isspace() and depth == 0:
            if current:
                items.append(current)
            current = ""
        else:
            current += char
    if current:
        items.append(current)
    return items


# ---------------------------------------------------------------- loading

@lru_cache(maxsize=8)
def load_verbs(paths: tuple[Path, ...] = ()) -> VerbDictionary:
    """The shipped CAMEO verb patterns, plus any further PETRARCH verb files in ``paths``.

    Files are read in order into one dictionary: a later file can add synsets and
    blocks, and a block with the name of an existing one adds its verbs and patterns
    to it (and sets its code); a verb line or pattern it repeats replaces the earlier.
    """
    verbs = VerbDictionary()
    for name in ("cameo_verbs.txt", "local_verbs.txt"):
        verbs.read(shipped_text(name))
    for path in paths:
        verbs.read(open_text(Path(path)))
    return verbs
