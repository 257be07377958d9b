//! Token kinds and the token record produced by the lexer (`lexer.rs`) and consumed by the
//! parser. Keywords are recognised by the lexer; soft keywords (`match`, `case`, `_`) stay
//! `Name` tokens and are recognised by the parser in context.

/// What a token is. Literal and name tokens keep their text as a byte range of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tok {
    EndMarker,
    Name,
    Number,
    /// A whole string literal with prefix and quotes (f-strings included, as in CPython 3.11).
    String,
    Newline,
    Indent,
    Dedent,
    // Brackets
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    // Operators and delimiters
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
    /// A character that is no token (`!` alone, `$`, `?`, a backquote): the parser reports
    /// "invalid syntax" at it.
    ErrorToken,
    // Keywords
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Tok {
    /// The keyword token for `s`, if `s` is a (hard) keyword.
    pub fn keyword(s: &[u8]) -> Option<Tok> {
        Some(match s {
            b"False" => Tok::False,
            b"None" => Tok::None,
            b"True" => Tok::True,
            b"and" => Tok::And,
            b"as" => Tok::As,
            b"assert" => Tok::Assert,
            b"async" => Tok::Async,
            b"await" => Tok::Await,
            b"break" => Tok::Break,
            b"class" => Tok::Class,
            b"continue" => Tok::Continue,
            b"def" => Tok::Def,
            b"del" => Tok::Del,
            b"elif" => Tok::Elif,
            b"else" => Tok::Else,
            b"except" => Tok::Except,
            b"finally" => Tok::Finally,
            b"for" => Tok::For,
            b"from" => Tok::From,
            b"global" => Tok::Global,
            b"if" => Tok::If,
            b"import" => Tok::Import,
            b"in" => Tok::In,
            b"is" => Tok::Is,
            b"lambda" => Tok::Lambda,
            b"nonlocal" => Tok::Nonlocal,
            b"not" => Tok::Not,
            b"or" => Tok::Or,
            b"pass" => Tok::Pass,
            b"raise" => Tok::Raise,
            b"return" => Tok::Return,
            b"try" => Tok::Try,
            b"while" => Tok::While,
            b"with" => Tok::With,
            b"yield" => Tok::Yield,
            _ => return None,
        })
    }

    /// True for hard keywords.
    pub fn is_keyword(self) -> bool {
        (self as u8) >= (Tok::False as u8)
    }

    /// The token's CPython name, for `-X dump-tokens`.
    pub fn name(self) -> &'static str {
        match self {
            Tok::EndMarker => "ENDMARKER",
            Tok::Name => "NAME",
            Tok::Number => "NUMBER",
            Tok::String => "STRING",
            Tok::Newline => "NEWLINE",
            Tok::Indent => "INDENT",
            Tok::Dedent => "DEDENT",
            Tok::ErrorToken => "ERRORTOKEN",
            t if t.is_keyword() => "NAME",
            _ => "OP",
        }
    }
}

/// One token: its kind, its byte range in the (decoded, newline-normalised) source, and its
/// start/end position as CPython reports it (1-based line, 0-based UTF-8 byte column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Tok,
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
}
