// Test helper: other processes on the same library. A child is either this
// test executable again (running one test, with a role given in the
// environment) or another program (the command line), with its stdout read
// line by line.
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace w2w::test {

class ChildProcess {
 public:
  // Runs `program` with `args` (args[0] is the program's name) and the
  // extra environment variables; stdout comes through a pipe.
  ChildProcess(const std::string& program, const std::vector<std::string>& args,
               const std::map<std::string, std::string>& env = {});
  // Runs this test executable again with only `test` (Suite.Name) enabled.
  static ChildProcess self(const std::string& test, const std::map<std::string, std::string>& env);
  ~ChildProcess();
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // The next line of stdout without its newline; false at the end.
  bool readLine(std::string* line);
  // Every line until the end of stdout.
  std::vector<std::string> readAll();
  void kill(int signal);
  // Waits for the end; the raw status of waitpid.
  int wait();

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  bool waited_ = false;
  int status_ = 0;
};

// "exit 0", "exit 1", "killed by signal 9": what a wait status means.
std::string describeWaitStatus(int status);

}  // namespace w2w::test
