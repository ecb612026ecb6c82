// what2wear tag --library FILE [--item ID]... [--photo ID]... [--remove] TAG
// what2wear tag --library FILE             (lists the tags and how often each is used)
//
// Tags name groups of photos and items ("summer", "client: Kim"); the studio
// filters by them and recommendations can be limited to one.
#include <QCommandLineParser>

#include "cli.h"
#include "entry_ids.h"
#include "library/library.h"

namespace w2w::cli {
namespace {

int listTags(Library& library, bool json) {
  auto tags = library.tags();
  if (!tags) return fail(tags.message());
  format::Json list = format::Json::array();
  for (const Tag& t : *tags) {
    auto photos = library.photos(PhotoQuery().withTag(t.name));
    if (!photos) return fail(photos.message());
    auto items = library.items(ItemQuery().withTag(t.name));
    if (!items) return fail(items.message());
    list.push_back({{"tag", t.name}, {"photos", photos->size()}, {"items", items->size()}});
    if (!json) {
      printLine(QStringLiteral("%1  %2 photos, %3 items")
                    .arg(QString::fromStdString(t.name))
                    .arg(photos->size())
                    .arg(items->size()));
    }
  }
  if (json) printJson({{"tags", list}});
  return kOk;
}

}  // namespace

int runTag(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Adds a tag to photos and items of a library (or removes it with --remove).\n"
      "Without a tag, lists the library's tags.");
  parser.addOption({"library", "The library file.", "FILE"});
  parser.addOption({"item", "An item to tag (repeatable).", "ID"});
  parser.addOption({"photo", "A photo to tag (repeatable).", "ID"});
  parser.addOption({"remove", "Remove the tag instead of adding it."});
  parser.addPositionalArgument("tag", "The tag (any text).", "[TAG]");
  int code = kOk;
  if (!parseArguments(parser, args, &code, kAnyNumber)) return code;
  if (!parser.isSet("library")) return fail(QStringLiteral("--library FILE is required"), kUsage);
  std::vector<Id> items, photos;
  QString error;
  if (!readIds(parser, "item", &items, &error) || !readIds(parser, "photo", &photos, &error))
    return fail(error, kUsage);
  const QStringList positional = parser.positionalArguments();
  if (positional.size() > 1)
    return fail(QStringLiteral("one tag at a time (quote a tag with spaces)"), kUsage);
  const std::string tag = positional.isEmpty() ? std::string() : positional.front().trimmed().toStdString();
  if (tag.empty() && (!items.empty() || !photos.empty()))
    return fail(QStringLiteral("which tag? (what2wear tag --library FILE --item ID TAG)"), kUsage);
  if (!tag.empty() && items.empty() && photos.empty())
    return fail(QStringLiteral("name the photos or items to tag with --photo ID or --item ID"), kUsage);

  auto library = Library::open(parser.value("library").toStdString(),
                               tag.empty() ? Library::Access::ReadOnly : Library::Access::ReadWrite);
  if (!library) return fail(library.message());
  if (tag.empty()) return listTags(**library, parser.isSet("json"));

  const bool remove = parser.isSet("remove");
  // Every id is checked first, then all of them change in one transaction:
  // a typo in one id changes nothing.
  const Status done = (*library)->transaction([&]() -> Status {
    if (Status s = checkEntriesExist(**library, photos, items); !s) return s;
    for (Id id : photos) {
      const Status s = remove ? (*library)->untagPhoto(id, tag) : (*library)->tagPhoto(id, tag);
      if (!s) return s;
    }
    for (Id id : items) {
      const Status s = remove ? (*library)->untagItem(id, tag) : (*library)->tagItem(id, tag);
      if (!s) return s;
    }
    return Status::success();
  });
  if (!done) return fail(done.message());
  if (parser.isSet("json")) {
    printJson({{"tag", tag},
               {"action", remove ? "remove" : "add"},
               {"photos", photos.size()},
               {"items", items.size()}});
  } else {
    printLine(QStringLiteral("%1 '%2' %3 %4 photos and %5 items")
                  .arg(remove ? "Removed" : "Added", QString::fromStdString(tag), remove ? "from" : "to")
                  .arg(photos.size())
                  .arg(items.size()));
  }
  return kOk;
}

}  // namespace w2w::cli
