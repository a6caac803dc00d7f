#pragma once
// Parse on one thread, judge on the others, write in input order (issue 9: "use both cores
// where it pays, parse and check chunks in parallel while keeping output order").
//
//   fill(batch)    on the reading thread: the next records into a reused batch; false at end
//   work(batch, w) on worker w (each worker has its own state, so no locks in the rules)
//   emit(batch)    on the calling thread, strictly in the order fill produced the batches
//
// Batches are recycled through a fixed pool, so memory is pool_size batches whatever the
// input size, and a slow writer (a full pipe) stops the reader instead of queuing rows.
// An exception in any stage is rethrown on the calling thread at that batch's turn, after
// every earlier batch was emitted, exactly as the sequential loop would have failed; the
// other threads are stopped and joined before it leaves run().
#include <condition_variable>
#include <cstddef>
#include <cstdlib>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace jamsos {

// Worker threads for the judging stage: JAMSOS_THREADS when set (1 = no extra threads,
// the same output, for debugging), else the machine's cores.
inline unsigned pipeline_workers() {
  if (const char* env = std::getenv("JAMSOS_THREADS")) {
    const long n = std::strtol(env, nullptr, 10);
    if (n >= 1 && n <= 64) return static_cast<unsigned>(n);
  }
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : (cores > 16 ? 16 : cores);
}

template <typename Batch>
class OrderedPipeline {
public:
  using Fill = std::function<bool(Batch&)>;
  using Work = std::function<void(Batch&, unsigned worker)>;
  using Emit = std::function<void(Batch&)>;

  // With workers == 1 everything runs on the calling thread, one batch at a time.
  static void run(unsigned workers, const Fill& fill, const Work& work, const Emit& emit) {
    if (workers <= 1) {
      Batch batch;
      while (fill(batch)) {
        work(batch, 0);
        emit(batch);
      }
      return;
    }
    OrderedPipeline p(workers, fill, work);
    p.drain(emit);
  }

private:
  struct Slot {
    Batch batch;
    std::size_t seq = 0;
    std::exception_ptr error;
    bool last = false;  // the end of input (no batch data) or a stage's error
  };

  OrderedPipeline(unsigned workers, const Fill& fill, const Work& work) : m_fill(fill), m_work(work) {
    const std::size_t pool = 2 * static_cast<std::size_t>(workers) + 2;
    m_slots.resize(pool);
    for (auto& s : m_slots) {
      s = std::make_unique<Slot>();
      m_free.push_back(s.get());
    }
    try {
      m_threads.emplace_back([this] { read_loop(); });
      for (unsigned w = 0; w < workers; ++w) m_threads.emplace_back([this, w] { work_loop(w); });
    } catch (...) {
      stop();
      throw;
    }
  }

  ~OrderedPipeline() { stop(); }

  void stop() {
    {
      std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_changed.notify_all();
    for (auto& t : m_threads)
      if (t.joinable()) t.join();
  }

  void read_loop() {
    for (std::size_t seq = 0;; ++seq) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopping || !m_free.empty(); });
        if (m_stopping) return;
        slot = m_free.front();
        m_free.pop_front();
      }
      slot->seq = seq;
      slot->error = nullptr;
      slot->last = false;
      try {
        slot->last = !m_fill(slot->batch);
      } catch (...) {
        slot->error = std::current_exception();
        slot->last = true;
      }
      // Read before the slot is published: from then on a worker owns it (and may set `last`).
      const bool last = slot->last;
      {
        std::lock_guard lock(m_mutex);
        // The end and an error skip the workers: nothing to judge.
        if (last) m_done.emplace(seq, slot);
        else m_todo.push_back(slot);
      }
      m_changed.notify_all();
      if (last) return;
    }
  }

  void work_loop(unsigned worker) {
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopping || !m_todo.empty(); });
        if (m_stopping) return;
        slot = m_todo.front();
        m_todo.pop_front();
      }
      try {
        m_work(slot->batch, worker);
      } catch (...) {
        slot->error = std::current_exception();
        slot->last = true;
      }
      {
        std::lock_guard lock(m_mutex);
        m_done.emplace(slot->seq, slot);
      }
      m_changed.notify_all();
    }
  }

  void drain(const Emit& emit) {
    for (std::size_t next = 0;; ++next) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_done.count(next) != 0; });
        const auto it = m_done.find(next);
        slot = it->second;
        m_done.erase(it);
      }
      if (slot->error) std::rethrow_exception(slot->error);  // ~OrderedPipeline stops the rest
      if (slot->last) return;
      emit(slot->batch);
      {
        std::lock_guard lock(m_mutex);
        m_free.push_back(slot);
      }
      m_changed.notify_all();
    }
  }

  const Fill& m_fill;
  const Work& m_work;
  std::vector<std::unique_ptr<Slot>> m_slots;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Slot*> m_free, m_todo;
  std::map<std::size_t, Slot*> m_done;
  bool m_stopping = false;
  std::vector<std::thread> m_threads;
};

}  // namespace jamsos
