// Code printers: the Java Table API program and the Flink SQL script equivalent to a TableProgram IR (DESIGN.md §2).
export { printJava, type JavaOptions } from "./java";
export { printSql } from "./sql";
export { CodegenError } from "./literal";
