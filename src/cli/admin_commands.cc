// pintu user add, pintu token create, pintu member add, pintu backup.
#include <filesystem>
#include <iostream>

#include "actions/accounts.h"
#include "cli/commands.h"

namespace pintu::cli {
namespace {

struct UserAddOptions {
  std::string name, full_name, email, password;
  bool password_stdin = false;
  bool sysadmin = false;
};

int UserAdd(Globals& g, UserAddOptions o) {
  if (!Resolve(g)) return 2;
  if (o.password_stdin && !std::getline(std::cin, o.password)) {
    std::cerr << "error: no password on standard input\n";
    return 2;
  }
  auto store = OpenConfiguredStore(g.config);
  if (!store) return 1;
  actions::Context ctx{*store, Identity::System(), g.config};
  auto u = actions::CreateUser(ctx, {o.name, o.full_name, o.email, o.password, o.sysadmin});
  if (!u) {
    PrintError(u.error());
    return 1;
  }
  std::cout << "created user " << u->name << (u->sysadmin ? " (sysadmin)" : "") << "\n";
  return 0;
}

struct TokenOptions {
  std::string user;
  std::string name = "cli";
};

int TokenCreate(Globals& g, const TokenOptions& o) {
  if (!Resolve(g)) return 2;
  auto store = OpenConfiguredStore(g.config);
  if (!store) return 1;
  actions::Context ctx{*store, Identity::System(), g.config};
  auto t = actions::CreateToken(ctx, o.user, o.name);
  if (!t) {
    PrintError(t.error());
    return 1;
  }
  std::cout << t->secret << "\n";
  return 0;
}

struct MemberOptions {
  std::string org, user, role = "editor";
};

int MemberAdd(Globals& g, const MemberOptions& o) {
  if (!Resolve(g)) return 2;
  auto role = ParseMemberRole(o.role);
  if (!role) {
    std::cerr << "error: --role must be member, editor or admin\n";
    return 2;
  }
  auto store = OpenConfiguredStore(g.config);
  if (!store) return 1;
  actions::Context ctx{*store, Identity::System(), g.config};
  auto m = actions::SetMembership(ctx, o.org, o.user, *role);
  if (!m) {
    PrintError(m.error());
    return 1;
  }
  std::cout << o.user << " is now " << ToCode(*role) << " of " << o.org << "\n";
  return 0;
}

int Backup(Globals& g, const std::string& path) {
  if (!Resolve(g)) return 2;
  auto store = OpenConfiguredStore(g.config);
  if (!store) return 1;
  if (auto ok = store->Backup(path); !ok) {
    PrintError(ok.error());
    return 1;
  }
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  std::cout << "backup written to " << path << " (" << (ec ? 0 : size) << " bytes)\n";
  return 0;
}

}  // namespace

void AddAdminCommands(CLI::App& app, Globals& g, int& exit_code) {
  CLI::App* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  auto uo = std::make_shared<UserAddOptions>();
  CLI::App* add = user->add_subcommand("add", "Create a user");
  add->add_option("name", uo->name, "Login name")->required();
  add->add_option("--fullname", uo->full_name, "Full name");
  add->add_option("--email", uo->email, "Email address");
  add->add_option("--password", uo->password, "Password (prefer --password-stdin)");
  add->add_flag("--password-stdin", uo->password_stdin, "Read the password from standard input");
  add->add_flag("--sysadmin", uo->sysadmin, "Make the user a sysadmin");
  add->callback([&g, &exit_code, uo] { exit_code = UserAdd(g, *uo); });

  CLI::App* token = app.add_subcommand("token", "Manage API tokens");
  token->require_subcommand(1);
  auto to = std::make_shared<TokenOptions>();
  CLI::App* create = token->add_subcommand("create", "Create an API token and print it (shown once)");
  create->add_option("--user", to->user, "User name")->required();
  create->add_option("--name", to->name, "Label for the token");
  create->callback([&g, &exit_code, to] { exit_code = TokenCreate(g, *to); });

  CLI::App* member = app.add_subcommand("member", "Manage organization memberships");
  member->require_subcommand(1);
  auto mo = std::make_shared<MemberOptions>();
  CLI::App* madd = member->add_subcommand("add", "Give a user a role in an organization");
  madd->add_option("--org", mo->org, "Organization name or id")->required();
  madd->add_option("--user", mo->user, "User name")->required();
  madd->add_option("--role", mo->role, "member, editor (default) or admin");
  madd->callback([&g, &exit_code, mo] { exit_code = MemberAdd(g, *mo); });

  auto path = std::make_shared<std::string>();
  CLI::App* backup = app.add_subcommand("backup", "Write a consistent copy of the store while it runs");
  backup->add_option("file", *path, "Destination file (must not exist)")->required();
  backup->callback([&g, &exit_code, path] { exit_code = Backup(g, *path); });
}

}  // namespace pintu::cli
