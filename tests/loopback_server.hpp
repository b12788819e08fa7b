#pragma once

// A real HTTP server on 127.0.0.1 for the network tests (cpp-httplib), with
// a bounded wait until it listens and a clean stop. Nothing here touches
// the internet.
#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

namespace factcheck::test {

class LoopbackServer
{
public:
  // `threads` bounds how many requests the server handles at once.
  explicit LoopbackServer(std::size_t threads = 16)
  {
    m_server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  }
  ~LoopbackServer()
  {
    m_server.stop();
    if (m_thread.joinable()) {
      m_thread.join();
    }
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // Routes are added here before start().
  httplib::Server&
  server()
  {
    return m_server;
  }

  void
  start()
  {
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    // cpp-httplib 0.11 has no wait_until_ready(); poll, boundedly.
    for (int i = 0; i < 2000 && !m_server.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  std::string
  url(const std::string& path = "") const
  {
    return "http://127.0.0.1:" + std::to_string(m_port) + path;
  }

private:
  httplib::Server m_server;
  int m_port = 0;
  std::thread m_thread;
};

} // namespace factcheck::test
