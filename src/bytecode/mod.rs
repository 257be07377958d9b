//! Bytecode: the instruction set ([`opcode`]) and the code object ([`code`]) the compiler
//! produces and the VM runs.

pub mod code;
pub mod disasm;
pub mod marshal;
pub mod numbering;
pub mod opcode;
pub mod verify;

pub use code::{CodeObject, Const, ExceptionEntry, Name, Position};
pub use opcode::{BinOp, CmpOp, Conversion, Instr};
