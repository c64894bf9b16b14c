// The `pintu` program: every command lives in cli/.
#include "cli/app.h"

int main(int argc, char** argv) { return pintu::cli::Main(argc, argv); }
