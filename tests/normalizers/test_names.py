import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizers.names import canonical_company

COMPANY_CASES = [
    ("富士通Japan株式会社　埼玉支社", "富士通Japan株式会社埼玉支社"),
    ("㈱日立システムズ", "株式会社日立システムズ"),
    ("（株）日立システムズ", "株式会社日立システムズ"),
    ("日立システムズ(株)", "日立システムズ株式会社"),
    ("( 株 ) 日立システムズ", "株式会社日立システムズ"),
    ("㈲山田商店", "有限会社山田商店"),
    ("（有）山田商店", "有限会社山田商店"),
    ("(同)山田", "合同会社山田"),
    ("(社)全国協会", "社団法人全国協会"),
    ("(財)地方自治情報センター", "財団法人地方自治情報センター"),
    ("(一財)地方自治情報センター", "一般財団法人地方自治情報センター"),
    ("株式会社 ＮＴＴデータ", "株式会社NTTデータ"),
    ("NEC Solution Innovators", "NEC Solution Innovators"),
    ("株式会社ＴＫＣ\n九州支社", "株式会社TKC九州支社"),
    # Kept as printed: nothing here is a legal-form abbreviation.
    ("北九州市", "北九州市"),
    ("未定（入札により決定）", "未定(入札により決定)"),
    ("A株式会社、B株式会社", "A株式会社、B株式会社"),
    ("", None),
    ("　", None),
    (None, None),
    (42, None),
]


@pytest.mark.parametrize(("raw", "expected"), COMPANY_CASES)
def test_canonical_company(raw, expected):
    assert canonical_company(raw) == expected


_name_chars = st.sampled_from(list("(株)㈱（有） 　AB株式会社"))


@given(st.text(st.one_of(_name_chars, st.characters(exclude_categories=("Cs",)))))
def test_canonical_company_is_idempotent(s):
    once = canonical_company(s)
    assert canonical_company(once) == once
