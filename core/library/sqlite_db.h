// Internal to core/library: a thin RAII layer over the SQLite C API.
//
// Inside the library code failures are thrown as SqlError and caught at the
// public Library API, which turns them into Result/Status values; nothing
// outside core/library sees SQL or this header.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace w2w::sql {

class SqlError : public std::runtime_error {
 public:
  SqlError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding is 1-based, as in SQLite; each returns *this for chaining.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::string& value);
  Statement& bind(int index, const char* value) { return bind(index, std::string(value)); }
  Statement& bindBlob(int index, const void* data, std::size_t size);
  Statement& bindNull(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  bool step();  // true while a row is available
  void run();   // steps to the end, for statements without results
  void reset();

  bool isNull(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::vector<std::uint8_t> blob(int column) const;
  const void* blobData(int column) const;
  int blobSize(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  enum class Mode { ReadOnly, ReadOnlyImmutable, ReadWrite, ReadWriteCreate };

  // Throws SqlError when the file cannot be opened in the given mode.
  Database(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql);
  std::int64_t scalar(const std::string& sql);  // first column of the first row, 0 when none
  std::int64_t lastInsertId() const;
  int changes() const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// A transaction scope: committed by release(), rolled back when destroyed
// without it (an exception). The outermost scope is BEGIN IMMEDIATE ... COMMIT,
// inner ones are SAVEPOINTs, so every multi-row change can open one.
class Savepoint {
 public:
  explicit Savepoint(Database& db);
  ~Savepoint();
  void release();

 private:
  Database& db_;
  std::string name_;
  bool outermost_ = false;
  bool done_ = false;
};

}  // namespace w2w::sql
