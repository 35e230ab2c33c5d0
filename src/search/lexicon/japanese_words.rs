//! Japanese words the matcher must know beyond the fact base (question and function words, everyday
//! words, askers' words) and what a Japanese question asks for.

use super::*;

/// Whether `c` writes a number, in digits (full-width ones are folded already) or in kanji ("4つ",
/// "四島", "十").
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || c == '十' || crate::search::japanese::numeral(c).is_some()
}

/// Japanese words that tell who asks and why (see `vocab::ASKERS`).
pub(super) const JAPANESE_ASKERS: &[&str] = &[
    "宿題",
    "先生",
    "生徒",
    "塾",
    "検定",
    "歴検",
    "混同",
    "授業",
    "講義",
    "試験",
    "テスト",
    "レポート",
    "友達",
    "友人",
    "祖父",
    "祖母",
    "説明",
    "空欄",
    "正誤",
    "記号",
    "語句",
    "穴埋",
    // Quiz instructions: "答えよ", "選べ", "人名を答えよ", "次のうち" (answer, choose, the name, which of
    // the following), as English "choose", "select", "following".
    "答",
    "選",
    "人名",
    "次",
    "ニュース",
    "ネット",
    "ウィキペディア",
    "ウィキ",
    "ユーチューブ",
    "グーグル",
    // Where the asker heard of it ("ラジオでちらっと聞いた", "テレビの番組で", "動画で見た").
    "ラジオ",
    "テレビ",
    "動画",
    "番組",
    "序論",
    "卒論",
    "課題",
    "受験",
    "入試",
    "模試",
    // The teachers' recruitment exam (教員採用試験), and Hokkaido's daily paper, as people say them short.
    "教採",
    "道新",
    // "と記憶しているのですが" (I remember that …), as English "remember".
    "記憶",
];

/// Japanese question words and the kanji of "tell me", "know", "think": no weight, never unknown.
pub(super) const JAPANESE_FUNCTION: &[&str] = &[
    "何", "誰", "何年", "何人", "何故", "何時", "何処", "何月", "何日", "何回", "何隻", "何者", "何度",
    "何割", "何歳", "教", "知", "言", "思", "聞", "見", "話", "事", "方", "的", "等", "物",
];

/// Japanese words of the conversation and of aspects asked about (理由, 結果, 意味, 範囲, 規模):
/// everyday words.
pub(super) const JAPANESE_GENERIC: &[&str] = &[
    "全部",
    "全て",
    "簡単",
    "説明",
    "理由",
    "原因",
    "目的",
    "意味",
    "結果",
    "影響",
    "内容",
    "概要",
    "歴史",
    "関係",
    "問題",
    "宿題",
    "先生",
    "質問",
    "詳細",
    "本当",
    "一番",
    "当時",
    "時代",
    "場所",
    "人物",
    "人名",
    "事件",
    "出来",
    "来事",
    "起き",
    "起こ",
    "具体",
    "体的",
    "背景",
    "経緯",
    "年代",
    "時期",
    "授業",
    "名前",
    "名称",
    "試験",
    "テスト",
    "範囲",
    "程度",
    "規模",
    "特徴",
    "役割",
    "状況",
    "様子",
    "漢字",
    "読み方",
    "書き方",
    // Adverbs of talk ("in the end", "actually", "honestly", "all sorts of"): how a question is
    // said, never what it is about, though a passage may use one.
    "結局",
    "実際",
    "一体",
    "全然",
    "絶対",
    "普通",
    "大体",
    "正直",
    "多分",
    "色々",
    "様々",
    "結構",
    "簡潔",
    "最近",
    // "This year", as 最近: how things stand now, which the present reading weighs.
    "今年",
    // "Important" (大事, 大切) and "seriously?" of chat (マジ, ガチ): how the asker weighs it, not what
    // it is.
    "大事",
    "大切",
    "マジ",
    "ガチ",
];

/// After "how much" (どれくらい): a degree, which no figure answers.
const JAPANESE_DEGREES: &[&str] = &["影響", "支配", "支持", "権力", "勢力", "関心"];

/// `text` without the decades it names with digits ("1930年代" → ""), copied only if it names one.
fn named_decades_removed(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("年代") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("年代") {
        let before = &rest[..at];
        let kept = before.trim_end_matches(|c: char| c.is_ascii_digit());
        if kept.len() < before.len() {
            out.push_str(kept);
        } else {
            out.push_str(before);
            out.push_str("年代");
        }
        rest = &rest[at + "年代".len()..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Whether a Japanese question asks when: いつ as a word, not inside another (あいつ "that guy",
/// かいつまんで "in brief") nor as いつも ("always") or いつか ("some day"; いつから is "since when").
fn asks_when(text: &str) -> bool {
    text.match_indices("いつ").any(|(at, cue)| {
        let before = text[..at].chars().next_back();
        let after = &text[at + cue.len()..];
        let not_when = after.starts_with('も') || (after.starts_with('か') && !after.starts_with("から"));
        !before.is_some_and(|c| "あこそどか".contains(c)) && !not_when
    })
}

/// Whether a worksheet's blank stands right before `unit` ("（　）年に結ばれた" asks for the year):
/// empty brackets, or a run of underscores.
fn blank_before(text: &str, unit: char) -> bool {
    let blank = |inside: &str| inside.chars().all(|c| c.is_whitespace() || "_＿".contains(c));
    text.match_indices(unit).any(|(at, _)| {
        let before = text[..at].trim_end();
        match before.chars().next_back() {
            Some(close @ (')' | '）' | ']' | '］' | '】')) => {
                let body = &before[..before.len() - close.len_utf8()];
                body.rfind(['(', '（', '[', '［', '【']).is_some_and(|open| {
                    let opener = body[open..].chars().next().map_or(0, char::len_utf8);
                    blank(&body[open + opener..])
                })
            }
            Some('_' | '＿') => true,
            _ => false,
        }
    })
}

/// Whether a Japanese question asks why with なんで, which is also the start of なんです ("what is
/// it": 〜ってなんですか), なんでしょう and なんでも ("anything").
fn asks_nande(text: &str) -> bool {
    text.match_indices("なんで").any(|(at, cue)| {
        let after = &text[at + cue.len()..];
        !["す", "しょ", "も"].iter().any(|not_why| after.starts_with(not_why))
    })
}

/// A request for a recommendation ("おすすめの勉強法"): a judgement, unless it is for reading, which
/// the base's reading list gives ("おすすめ文献").
fn recommendation(text: &str) -> bool {
    const RECOMMEND: &[&str] = &["おすすめ", "オススメ", "お勧め", "お薦め"];
    const READING: &[&str] = &["文献", "書籍", "読", "の本", "本は", "本を"];
    RECOMMEND.iter().any(|r| text.contains(r)) && !READING.iter().any(|r| text.contains(r))
}

/// Cues of a question that asks for a judgement ("どう思う", "すべき"), or for one between two: which is
/// stronger, abler, the better pick, or the greater as something ("提督としてどっちが上"); "どっちが多い",
/// "どっちが優勢" and "どっちが上" alone compare figures or say who won.
const JUDGEMENTS: &[&str] = &[
    "と思う",
    "と思います",
    "べきだった",
    "べきか",
    "すべき",
    "正しかった",
    "正当",
    "悪いのは",
    "どっちが悪",
    "どっちが正し",
    "あなたはどう思",
    "どう思う",
    "どう思います",
    "どっちが強",
    "どちらが強",
    "どっちが優秀",
    "どちらが優秀",
    "どっちが最強",
    "どっちがすご",
    "どっちがいい",
    "どちらがいい",
    "どっちがおすすめ",
    "どちらがおすすめ",
    "としてどっちが上",
    "としてどちらが上",
    "ほうがよかった",
    "方がよかった",
    "方が良かった",
    "ほうが良かった",
];

/// A visitor's practicalities ("北方館って何時まで開いてる？", "拝観料はいくら", "チケットっていくら"):
/// opening hours, entry fees and ticket prices, which no fact of the relationship gives.
fn visit_logistics(text: &str) -> bool {
    const HOURS_AND_FEES: &[&str] =
        &["開館時間", "営業時間", "休館日", "拝観料", "入館料", "入場料", "何時まで開", "何時から開"];
    const TICKET_COST: &[&str] = &["いくら", "高い", "発売", "買え"];
    HOURS_AND_FEES.iter().any(|c| text.contains(c))
        || text.contains("チケット") && TICKET_COST.iter().any(|c| text.contains(c))
}

/// What a Japanese question asks for, from its text (folded).
pub(crate) fn asks_japanese(text: &str) -> Asks {
    // A decade named ("1930年代") is what the question is about, not a request for a date (何年代).
    let unnamed = named_decades_removed(text);
    let text = unnamed.as_ref();
    let any = |cues: &[&str]| cues.iter().any(|c| text.contains(c));
    // Spoken "てたら" is also "while I was …" (ニュース見てたら): what would have been only with a guess
    // after it (結べてたのかな).
    let spoken_if = any(&["てたら"]) && any(&["かな", "だろう", "でしょう"]);
    if any(&["もし", "なかったら", "ていたら", "ていれば", "だったら"]) || spoken_if {
        Asks::Counterfactual
    } else if (any(&["語で"]) && any(&["言う", "言います", "言えば"])) || any(&["翻訳して", "訳して"])
    {
        // "ロシア語でありがとうって何て言うの": words in a language, not a fact ("何という" asks a name).
        Asks::Translation
    } else if any(&["全文", "原文", "一字一句", "一言一句", "全員分", "全員の名前"])
        || (any(&["名簿"]) && !any(&["調べ", "検索", "探"]))
        || (any(&["名前を全部", "名前を全て", "名前をすべて"]) && !text.chars().any(is_numeral))
    {
        // A list asked for, not how to look a name up in one ("名簿で調べる方法").
        // "沈んだ軍艦の名前を全部": every name of a list; not "4つの島の名前を全部".
        Asks::Verbatim
    } else if any(&[
        "問い合わせれば",
        "問い合わせたら",
        "どうすればいい",
        "どうすればよい",
        "手続き",
        "行き方",
        "取り方",
        "どうやって取",
        "申請方法",
    ]) && !(any(&["問い合わせ"]) && any(&["調べ"]))
        || visit_logistics(text)
    {
        // What the asker should do ("どの窓口に問い合わせればよいでしょうか"), as "how do I …"; not
        // whom to ask to look something up ("収容所を調べたいのですが、どこに問い合わせれば"), which a
        // fact may say, as "where can I look up".
        Asks::Instructions
    } else if any(&[
        "将来",
        "今後",
        "来年",
        "再来年",
        "来月",
        "ありそう",
        // "次の" alone also opens quiz stems ("次のうち").
        "次の選挙",
        "次の総選挙",
        "次の衆院選",
        "次の参院選",
        "次の大統領",
        "次の首相",
        "次の総理",
    ]) {
        Asks::Prediction
    } else if any(JUDGEMENTS) || recommendation(text) {
        Asks::Opinion
    } else if any(&["なぜ", "どうして", "何故", "理由", "原因", "目的", "何のため"]) || asks_nande(text)
    {
        Asks::Reason
    } else if asks_when(text)
        || any(&["何年", "何月", "何日", "年代", "時期", "何時", "日は", "年は", "日付", "した日", "た年"])
        || blank_before(text, '年')
    {
        Asks::Time
    } else if any(FIGURE_WORDS)
        // "How much" of a degree ("どれくらい影響力があった") asks for no figure.
        || (any(&["どのくらい", "どれくらい", "どれぐらい"]) && !any(JAPANESE_DEGREES))
    {
        Asks::Quantity
    } else if any(&["誰", "だれ", "どなた", "何者", "人名", "人物名"]) {
        Asks::Person
    } else if any(&["どこ", "何処", "場所"]) || asks_whereabouts(text) {
        Asks::Place
    } else if any(&["何が起", "何があった", "どうなった", "何がおき", "何がおこ"]) {
        Asks::Event
    } else {
        Asks::Anything
    }
}

/// Words that ask for a figure: a count (何人, 何回, 何カ所), a share, a size or an age. Not 何万, 何千,
/// 何百, which mostly say "tens of thousands of" (何万人もの日本人が…).
const FIGURE_WORDS: &[&str] = &[
    "何人",
    "何名",
    "いくら",
    "何隻",
    "何機",
    "何回",
    "何割",
    "何倍",
    "何パーセント",
    "何%",
    "何キロ",
    "何メートル",
    "何歳",
    "何カ所",
    "何ヶ所",
    "何件",
];

/// Whether a Japanese question asks whereabouts: どのへん, どの辺, どのあたり before a particle of
/// place (に, で, まで, から) or at its end. Before が or は they ask which part ("条約のどのあたりが
/// 不満だった").
fn asks_whereabouts(text: &str) -> bool {
    ["どのへん", "どの辺り", "どの辺", "どのあたり"].iter().any(|w| {
        text.match_indices(w).any(|(at, _)| {
            let rest = text[at + w.len()..].trim_start_matches(['だ', 'な', 'の']);
            rest.is_empty() || rest.starts_with(['に', 'で', 'ま', 'か', '？', '?', '、', '。'])
        })
    })
}

/// Whether a Japanese question asks how things stand now (今, 現在).
pub(crate) fn japanese_present(text: &str) -> bool {
    // "いま" (now) also ends polite verbs: います, いました, いません say nothing of the time; nor does
    // いまいち ("not quite": よくわからない).
    let now_in_kana = text.match_indices("いま").any(|(at, m)| {
        let after = &text[at + m.len()..];
        !after.starts_with(['す', 'し', 'せ']) && !after.starts_with("いち")
    });
    // まだ ("still") asks how things stand now, unless the sentence is in the past (まだ…だった).
    let still =
        text.contains("まだ") && !["だった", "ていた", "でした", "かった"].iter().any(|p| text.contains(p));
    now_in_kana
        || still
        || JAPANESE_NOW
            .iter()
            .chain(&["今の", "今は", "現職", "最新", "現状", "今も", "今でも", "今後", "今どう"])
            .any(|c| text.contains(c))
}

/// Japanese words that say "now" (this year, these days): each asks about the present wherever it
/// stands; 今 and いま alone only as words (see [`super::says_now`]), since in a text they start many.
pub(super) const JAPANESE_NOW: &[&str] = &["現在", "今日", "最近", "今年"];
