//! Opcode numbers: the one table that gives each [`Instr`] variant a byte and lists its
//! operands in order. The `.pyc` writer and reader (`marshal`) and `dis.opmap`/`dis.opname`
//! all go through it. The match in [`encode`] is exhaustive, so a new instruction does not
//! compile until it has a line here; the table's text feeds the `.pyc` magic, so renumbering
//! invalidates every cache file.

use super::opcode::{BinOp, CmpOp, Conversion, Instr};

/// An operand type that round-trips through a `u32`.
trait Operand: Sized {
    fn to_u32(self) -> u32;
    fn from_u32(v: u32) -> Option<Self>;
}

impl Operand for u32 {
    fn to_u32(self) -> u32 {
        self
    }
    fn from_u32(v: u32) -> Option<u32> {
        Some(v)
    }
}

impl Operand for u8 {
    fn to_u32(self) -> u32 {
        self as u32
    }
    fn from_u32(v: u32) -> Option<u8> {
        u8::try_from(v).ok()
    }
}

impl Operand for bool {
    fn to_u32(self) -> u32 {
        self as u32
    }
    fn from_u32(v: u32) -> Option<bool> {
        match v {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

const BIN_OPS: [BinOp; 26] = {
    use BinOp::*;
    [
        Add,
        And,
        FloorDivide,
        Lshift,
        MatrixMultiply,
        Multiply,
        Remainder,
        Or,
        Power,
        Rshift,
        Subtract,
        TrueDivide,
        Xor,
        InplaceAdd,
        InplaceAnd,
        InplaceFloorDivide,
        InplaceLshift,
        InplaceMatrixMultiply,
        InplaceMultiply,
        InplaceRemainder,
        InplaceOr,
        InplacePower,
        InplaceRshift,
        InplaceSubtract,
        InplaceTrueDivide,
        InplaceXor,
    ]
};

impl Operand for BinOp {
    fn to_u32(self) -> u32 {
        self as u8 as u32
    }
    fn from_u32(v: u32) -> Option<BinOp> {
        BIN_OPS.get(v as usize).copied()
    }
}

impl Operand for CmpOp {
    fn to_u32(self) -> u32 {
        self as u8 as u32
    }
    fn from_u32(v: u32) -> Option<CmpOp> {
        [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge].get(v as usize).copied()
    }
}

impl Operand for Conversion {
    fn to_u32(self) -> u32 {
        self as u8 as u32
    }
    fn from_u32(v: u32) -> Option<Conversion> {
        [Conversion::None, Conversion::Str, Conversion::Repr, Conversion::Ascii].get(v as usize).copied()
    }
}

macro_rules! opcodes {
    ($($num:literal $name:ident $({ $($field:ident),* })?;)*) => {
        /// Every opcode as `(number, variant name)`, in number order.
        pub const OPCODES: &[(u8, &str)] = &[$(($num, stringify!($name))),*];

        /// The table as written, hashed into the `.pyc` magic.
        pub const TABLE_TEXT: &str = stringify!($($num $name $({ $($field),* })?;)*);

        /// The opcode number of `i` and its operands (unused slots are 0).
        #[allow(unused_assignments)]
        pub fn encode(i: &Instr) -> (u8, [u32; 2]) {
            match *i {
                $(Instr::$name $({ $($field),* })? => {
                    #[allow(unused_mut)]
                    let mut ops = [0u32; 2];
                    #[allow(unused_mut, unused_variables)]
                    let mut k = 0;
                    $($( ops[k] = Operand::to_u32($field); k += 1; )*)?
                    ($num, ops)
                })*
            }
        }

        /// The instruction with opcode `op` and operands `ops`; `None` if either is invalid.
        #[allow(unused_assignments)]
        pub fn decode(op: u8, ops: [u32; 2]) -> Option<Instr> {
            #[allow(unused_mut, unused_variables)]
            let mut k = 0;
            Some(match op {
                $($num => Instr::$name $({ $($field: { let v = Operand::from_u32(ops[k])?; k += 1; v }),* })?,)*
                _ => return None,
            })
        }

        /// How many operands opcode `op` has.
        pub fn operand_count(op: u8) -> usize {
            match op {
                $($num => 0 $($(+ { let _ = stringify!($field); 1 })*)?,)*
                _ => 0,
            }
        }
    };
}

opcodes! {
    0 Nop;
    1 PopTop;
    2 Copy { n };
    3 Swap { n };
    4 LoadConst { consti };
    5 LoadFast { var };
    6 StoreFast { var };
    7 DeleteFast { var };
    8 LoadName { namei };
    9 StoreName { namei };
    10 DeleteName { namei };
    11 LoadGlobal { namei };
    12 StoreGlobal { namei };
    13 DeleteGlobal { namei };
    14 LoadDeref { cell };
    15 StoreDeref { cell };
    16 DeleteDeref { cell };
    17 LoadClassDeref { cell };
    18 LoadClosure { cell };
    19 LoadAttr { namei };
    20 StoreAttr { namei };
    21 DeleteAttr { namei };
    22 LoadMethod { namei };
    23 BinarySubscr;
    24 StoreSubscr;
    25 DeleteSubscr;
    26 BuildSlice { argc };
    27 BinaryOp { op };
    28 UnaryNegative;
    29 UnaryPositive;
    30 UnaryNot;
    31 UnaryInvert;
    32 CompareOp { op };
    33 IsOp { invert };
    34 ContainsOp { invert };
    35 JumpForward { target };
    36 JumpBackward { target };
    37 PopJumpIfFalse { target };
    38 PopJumpIfTrue { target };
    39 PopJumpIfNone { target };
    40 PopJumpIfNotNone { target };
    41 JumpIfFalseOrPop { target };
    42 JumpIfTrueOrPop { target };
    43 GetIter;
    44 ForIter { target };
    45 BuildTuple { count };
    46 BuildList { count };
    47 BuildSet { count };
    48 BuildMap { count };
    49 BuildConstKeyMap { count };
    50 BuildString { count };
    51 ListAppend { i };
    52 SetAdd { i };
    53 MapAdd { i };
    54 ListExtend { i };
    55 SetUpdate { i };
    56 DictUpdate { i };
    57 DictMerge { i };
    58 ListToTuple;
    59 UnpackSequence { count };
    60 UnpackEx { before, after };
    61 FormatValue { conv, has_spec };
    62 Call { argc };
    63 CallKw { argc };
    64 CallMethod { argc };
    65 CallMethodKw { argc };
    66 CallFunctionEx { has_kwargs };
    67 MakeFunction { flags };
    68 LoadBuildClass;
    69 ReturnValue;
    70 YieldValue;
    71 GetYieldFromIter;
    72 Send { target };
    73 GetAwaitable { where_ };
    74 GetAiter;
    75 GetAnext;
    76 EndAsyncFor;
    77 BeforeAsyncWith;
    78 BeforeWith;
    79 WithExceptStart;
    80 RaiseVarargs { argc };
    81 Reraise { set_lasti };
    82 PushExcInfo;
    83 PopExcept;
    84 CheckExcMatch;
    85 CheckEgMatch;
    86 PrepReraiseStar;
    87 LoadAssertionError;
    88 ImportName { namei };
    89 ImportFrom { namei };
    90 ImportStar;
    91 SetupAnnotations;
    92 PrintExpr;
    93 GetLen;
    94 MatchMapping;
    95 MatchSequence;
    96 MatchKeys;
    97 MatchClass { count };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_dense_and_round_trip() {
        for (k, (num, _)) in OPCODES.iter().enumerate() {
            assert_eq!(*num as usize, k, "opcode numbers must be 0, 1, 2, ...");
        }
        let samples = [
            Instr::UnpackEx { before: 3, after: 7 },
            Instr::FormatValue { conv: Conversion::Repr, has_spec: true },
            Instr::BinaryOp { op: BinOp::InplaceXor },
            Instr::CompareOp { op: CmpOp::Ge },
            Instr::MakeFunction { flags: 9 },
            Instr::ReturnValue,
        ];
        for i in samples {
            let (op, ops) = encode(&i);
            assert_eq!(decode(op, ops), Some(i));
        }
        assert_eq!(decode(200, [0, 0]), None);
        assert_eq!(decode(33, [2, 0]), None, "bool operand out of range");
        assert_eq!(operand_count(60), 2);
        assert_eq!(operand_count(0), 0);
    }

    /// The decode tables repeat the operator enums' order; any drift shows here.
    #[test]
    fn operator_tables_match_enum_order() {
        for (k, op) in BIN_OPS.iter().enumerate() {
            assert_eq!(*op as usize, k);
            assert_eq!(BinOp::from_u32(k as u32), Some(*op));
        }
        for k in 0..6u32 {
            assert_eq!(CmpOp::from_u32(k).map(|c| c as u32), Some(k));
        }
    }
}
