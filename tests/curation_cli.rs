//! Stored questions, passages and dates curated where the tuning parts kept getting the wrong fact,
//! through the built binary on the real fact base. Each test says what its questions got before.

#[path = "common/asking.rs"]
mod asking;
use asking::{answer, assert_answers};

#[test]
fn who_owns_sakhalin_2_now_is_the_new_operator() {
    // The fact on the shareholders before the 2022 decree asked "Who owns Sakhalin-2?" in the present
    // and took these (0.84, 0.68, 0.79).
    assert_answers(&[
        ("so who actually owns sakhalin-2 these days", "sakhalin-energy-llc-japanese-stakes-2022"),
        ("сахалин-2 сейчас чей", "sakhalin-energy-llc-japanese-stakes-2022"),
        ("三井と三菱はいまもサハリン2に出資を続けてるんですか", "sakhalin-energy-llc-japanese-stakes-2022"),
    ]);
}

#[test]
fn mitsui_and_mitsubishi_stakes_now_go_to_the_new_operators_fact() {
    // The decree's fact asked what happened to the two firms' stakes in June 2022 and took these
    // (0.88, 0.90); it asks what the decree let foreign shareholders do now.
    assert_answers(&[
        (
            "三井物産と三菱商事は今でもサハリン2の権益を保有していますか",
            "sakhalin-energy-llc-japanese-stakes-2022",
        ),
        (
            "三菱商事と三井物産って、まだサハリン2の権益持ってるの？",
            "sakhalin-energy-llc-japanese-stakes-2022",
        ),
    ]);
}

#[test]
fn constitution_ban_and_the_talks_is_article_67() {
    // Went to Japan's reaction to the vote (0.83, 0.85) and to Mashkov's proposal (0.71).
    assert_answers(&[
        (
            "ロシアの憲法改正で領土割譲が禁止されたけど、北方領土交渉への影響は？",
            "constitution-2020-article-67-territory-ban",
        ),
        (
            "2020年の憲法改正の領土割譲禁止って平和条約交渉にどう影響するの",
            "constitution-2020-article-67-territory-ban",
        ),
        (
            "как запрет на отчуждение территорий в конституции влияет на переговоры с японией",
            "constitution-2020-article-67-territory-ban",
        ),
    ]);
}

#[test]
fn japanese_textbook_names_of_the_agreements_and_the_san_francisco_why() {
    // 第一次〜第四次日露協約 went to the fourth agreement alone (0.84); why the USSR did not sign at
    // San Francisco went to the fact that it refused (0.86, 0.82), not to its reasons.
    assert_answers(&[
        ("第一次から第四次の日露協約って何を決めたの", "russo-japanese-agreements-1907-1916"),
        ("ソ連がサンフランシスコ平和条約に署名しなかった理由は？", "gromyko-san-francisco-objections-1951"),
        (
            "а почему советский союз не стал подписывать сан-францисский мирный договор",
            "gromyko-san-francisco-objections-1951",
        ),
    ]);
}

#[test]
fn japanese_prisoners_are_the_siberian_detainees() {
    // The Russian passage gave its figure of "интернированных" without saying whose, no words of the
    // detainees' group; it says "интернированных японцев" now. This took Gorbachev's 1991 visit (0.66).
    assert_answers(&[(
        "сколько японских военнопленных было в советских лагерях",
        "siberian-internment-japanese-detainees",
    )]);
}

#[test]
fn other_japanese_prisoners_are_no_siberian_detainees() {
    // "Japanese prisoners" stay out of the Siberian detainees' group: the 1904-1905 and 1939 prisoners
    // are others (a first cut of this round grouped them and declined these).
    assert_answers(&[
        ("How many Japanese prisoners did Russia take at Mukden?", "battle-of-mukden-1905"),
        (
            "Were Japanese prisoners exchanged after Khalkhin Gol?",
            "khalkhin-gol-ceasefire-and-border-1939-1941",
        ),
    ]);
}

#[test]
fn onsen_is_a_hot_spring() {
    // "onsen" was a name the base lacks; the question went to the count of Abe and Putin's meetings
    // (0.63) instead of the Nagato summit at a hot-spring inn. Either Nagato fact answers it (the
    // summit's, or the one on its day at the Ōtani Sansō in Nagato-Yumoto Onsen).
    let nagato = ["putin-visit-nagato-tokyo-2016", "putin-lateness-and-nagato-summit-2016"];
    let got = answer("Did Abe and Putin really meet at an onsen?");
    assert!(got.as_deref().is_some_and(|f| nagato.contains(&f)), "{got:?}");
}

#[test]
fn gate_of_ice_and_snow_is_the_maoka_operators_memorial_park() {
    // 氷雪の門 (Wakkanai's memorial to the Japanese who died on Karafuto, and the film named after
    // it) was in no fact: every language declined (0.23, 0.16, 0.27).
    assert_answers(&[
        ("稚内にある氷雪の門は何のための碑ですか", "maoka-telephone-operators-1945"),
        ("What is the Gate of Ice and Snow in Wakkanai?", "maoka-telephone-operators-1945"),
        ("что за ворота льда и снега в вакканае", "maoka-telephone-operators-1945"),
    ]);
}

#[test]
fn russian_crab_has_a_fact_of_its_own() {
    // Poached Russian crab, the 2014 agreement against it and the crab trade since the sanctions
    // were in no fact: the Japanese and Russian questions were declined (0.19, 0.31), the English
    // one answered with the 2006 shooting of a crab boat (0.62).
    assert_answers(&[
        ("日露のカニの密漁防止協定っていつから？", "russian-crab-japan-poaching-and-trade"),
        (
            "когда заработало соглашение японии и россии против браконьерского краба",
            "russian-crab-japan-poaching-and-trade",
        ),
        (
            "what was the deal japan and russia made against crab poaching",
            "russian-crab-japan-poaching-and-trade",
        ),
    ]);
}

#[test]
fn tsushima_ships_and_nagato_day_have_facts_of_their_own() {
    // No fact named the ships interned at Manila or what became of the Aurora, nor told Nagato's day:
    // the ship questions and the dishes were declined, the waits went to the summit's outcome.
    assert_answers(&[
        ("which russian cruisers escaped to manila after tsushima", "russian-ships-fates-after-tsushima"),
        ("アヴローラは日本海海戦のあとどうなったの", "russian-ships-fates-after-tsushima"),
        ("how many hours did abe wait for putin in nagato", "putin-lateness-and-nagato-summit-2016"),
        ("сколько часов абэ ждал путина в нагато", "putin-lateness-and-nagato-summit-2016"),
        (
            "What dishes were served at the Abe–Putin dinner in Nagato in December 2016?",
            "putin-lateness-and-nagato-summit-2016",
        ),
    ]);
}

#[test]
fn abe_funeral_and_russian_airspace_have_facts_of_their_own() {
    // No fact told Russia's reaction to Abe's death or where Japanese airlines fly since 2022: the
    // English funeral question went to the Eastern Economic Forum, the Russian one and the Japanese
    // airspace one were declined, and the Russian airspace one went to the Vladivostok flights.
    assert_answers(&[
        ("Did Putin go to Abe's funeral?", "abe-assassination-russia-reaction-2022"),
        ("Путин был на похоронах Абэ?", "abe-assassination-russia-reaction-2022"),
        ("ロシア上空を飛ばなくなったのはなぜ？JALとANA", "japanese-airlines-avoid-russian-airspace-2022"),
        ("японские авиакомпании летают над россией?", "japanese-airlines-avoid-russian-airspace-2022"),
    ]);
}
