#include "actions/activity_log.h"

#include "core/ids.h"
#include "core/model_json.h"
#include "core/time.h"

namespace pintu::actions {

Result<void> RecordActivity(WriteTxn& tx, const Identity& who, std::string_view activity_type,
                            std::string_view object_type, std::string_view object_id,
                            const boost::json::object& before, const boost::json::object& after) {
  Activity a;
  a.id = NewUuid();
  a.timestamp = NowIso();
  a.actor = who.ActorName();
  a.object_type = std::string(object_type);
  a.object_id = std::string(object_id);
  a.activity_type = std::string(activity_type);
  a.diff_json = ToJsonString(DiffObjects(before, after));
  auto seq = tx.AddActivity(a);
  if (!seq) return std::unexpected(seq.error());
  return {};
}

}  // namespace pintu::actions
