//! Lists of places and reasons in the reader's language: "a, b and c" / "a、b和c".

use huibao_i18n::{msg, Message};

/// "the title and the heading “…”", "the title, the opening and the heading “…”".
pub(crate) fn and(mut items: Vec<Message>) -> Message {
    let Some(last) = items.pop() else {
        return Message::empty();
    };
    match items.len() {
        0 => last,
        _ => msg!("import-list-and", first = commas(items), last = last),
    }
}

/// Items one after another, separated by commas (、 in Chinese).
fn commas(items: Vec<Message>) -> Message {
    join(items, |a, b| msg!("import-list-comma", first = a, next = b))
}

/// Items separated by semicolons: "a; b" / "a；b".
pub(crate) fn semicolons(items: Vec<Message>) -> Message {
    join(items, |a, b| {
        msg!("import-list-semicolon", first = a, next = b)
    })
}

fn join(items: Vec<Message>, pair: impl Fn(Message, Message) -> Message) -> Message {
    let mut items = items.into_iter();
    let Some(first) = items.next() else {
        return Message::empty();
    };
    items.fold(first, pair)
}
