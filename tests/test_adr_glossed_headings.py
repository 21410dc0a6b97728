"""Headings in another script with their English name in brackets (``### 決定事項
(Decision)``, ``## 結果（Consequences）``) play the part that name says, and a Japanese
chosen marker (``（採用）``) marks the option taken."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text, titles
from decaudit.engine.records.document.model import heading_key
from hypothesis import given
from hypothesis import strategies as st

PARTS = ["Status", "Context", "Decision", "Options Considered", "Consequences"]


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("brackets", ["()", "（）"])
def test_the_english_gloss_names_the_part(part: str, brackets: str) -> None:
    title = f"決定事項 {brackets[0]}{part}{brackets[1]}"
    assert heading_key(title) == part.lower()


@given(st.text(alphabet="abcdefghij XY", min_size=1, max_size=20))
def test_a_heading_in_latin_letters_keeps_its_own_words(words: str) -> None:
    key = heading_key(f"Use {words} (recommended)")
    assert key.startswith("use") and key.endswith("recommended")


RECORD = """## アーキテクチャ選択

### ステータス (Status)
承認済み (accepted)

### 背景 (Context)
最適なアーキテクチャを選ぶ必要があった。

### 決定事項 (Decision)
層状アーキテクチャを採用する。

### 比較した選択肢 (Options Considered)

#### 1. ヘキサゴナルアーキテクチャ
- 複雑度過剰

#### 2. 層状アーキテクチャ（採用）
- 単純

### 結果 (Consequences)
保守が簡単になる。
"""


def test_a_japanese_record_with_glossed_parts_is_read() -> None:
    src = read_text(RECORD, "docs/adr/005-layered.md")
    assert src.record.status == "accepted"
    assert titles(src) == ["ヘキサゴナルアーキテクチャ", "層状アーキテクチャ"]
    assert chosen_titles(src) == ["層状アーキテクチャ"]
    assert src.record.consequences


LABELLED = """# ADR-001: CIの構成

## ステータス (Status)
accepted

## 背景 (Context)
CIの構成を選ぶ必要があった。

## 決定事項 (Decision)
現在の構成を採用する。

## 比較した選択肢 (Options Considered)

### 選択肢1: 最小構成
- **メリット**: 最高速度
- **デメリット**: セキュリティチェック不足

### 選択肢2: 現在の構成 - 採用
- **メリット**: 品質に対する信頼
- **デメリット**: 実行時間が長い
"""


def test_japanese_option_labels_markers_and_points() -> None:
    src = read_text(LABELLED, "docs/adr/001-ci.md")
    assert titles(src) == ["最小構成", "現在の構成"]
    assert chosen_titles(src) == ["現在の構成"]
    first = src.record.options[0]
    assert first.pros == ["最高速度"]
    assert first.cons == ["セキュリティチェック不足"]
