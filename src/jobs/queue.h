// A thin typed front of the store's job queue for producers: enqueue one job or a
// batch in one transaction, stamped with the queue's clock.
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/job.h"
#include "store/store.h"

namespace pintu::jobs {

class JobQueue {
 public:
  // Enqueues into `store`, reading the time from `clock` (which must outlive the queue).
  explicit JobQueue(Store& store, const Clock& clock = SystemClock()) : store_(store), clock_(clock) {}

  // Enqueues one job (deduplicated by kind and subject, see WriteTxn::EnqueueJob).
  Result<Job> Enqueue(const JobRequest& request);
  // Enqueues every request in one transaction: all or none. Returns the jobs in
  // request order (an existing active job where one was already there).
  Result<std::vector<Job>> EnqueueAll(const std::vector<JobRequest>& requests);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace pintu::jobs
