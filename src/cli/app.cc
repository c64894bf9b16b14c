#include "cli/app.h"

namespace pintu::cli {
int Main(int, char**) { return 0; }
}  // namespace pintu::cli
