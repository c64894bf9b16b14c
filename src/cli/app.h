// Entry point of the `pintu` command-line program.
#pragma once

namespace pintu::cli {

// Parses argv, runs the chosen command and returns the process exit code.
int Main(int argc, char** argv);

}  // namespace pintu::cli
