// package_library.cpp — see package_library.h.
#include "package_library.h"

#include <algorithm>

#include "region.h"
#include "signature.h"

namespace lw {

namespace {

std::string FileOf(const std::string& id) { return std::string(kPackagesDir) + "/" + id + ".json"; }

std::string RegionText(const std::string& region) { return region == kNationalRegion ? "全国" : region; }

bool SameContent(const FormDef& a, const FormDef& b) { return FormDefToJson(a) == FormDefToJson(b); }

// Wider regions first: the Ministry (0), a province (1), a city (2), a county (3).
int Breadth(const std::string& region) { return region == kNationalRegion ? 0 : RegionDb::Level(region); }

}  // namespace

std::string InstallPlan::Summary() const {
  if (!ok()) return error;
  const std::string name = "活动包「" + title + "」";
  const std::string drafts =
      migrated_drafts ? "；" + std::to_string(migrated_drafts) + " 份草稿已按新版表格更新" : std::string();
  if (old_version == 0) {
    const auto added = std::count_if(changes.begin(), changes.end(), [](const FormChanges& c) { return c.added(); });
    return "已安装" + name + "第 " + std::to_string(version) + " 版" +
           (added ? "（新增 " + std::to_string(added) + " 张表格）" : "（使用本机内置表格）") + drafts;
  }
  return name + "第 " + std::to_string(old_version) + " 版 → 第 " + std::to_string(version) + " 版：" +
         (changes.empty() ? "表格没有变化" : std::to_string(changes.size()) + " 张表格有变化") + drafts;
}

std::vector<std::string> InstallPlan::ChangeLines() const {
  std::vector<std::string> out;
  for (const FormChanges& c : changes) {
    out.push_back(c.Summary());
    for (const FieldChange& f : c.fields) out.push_back("　" + f.text);
  }
  return out;
}

const CampaignPackage* PackageLibrary::Find(const std::string& id) const {
  for (const CampaignPackage& p : packages_)
    if (p.id == id) return &p;
  return nullptr;
}

InstallPlan PackageLibrary::Plan(const CampaignPackage& p, const FormLibrary& builtin) const {
  InstallPlan plan;
  plan.title = p.Title();
  plan.version = p.version;
  const auto refuse = [&](std::string why) {
    plan.error = std::move(why);
    plan.changes.clear();
    return plan;
  };
  const std::string name = "活动包「" + p.Title() + "」";
  const CampaignPackage* old = Find(p.id);
  if (old) {
    plan.old_version = old->version;
    // The id is the issuer's: another region's file of that id is not a new version of it.
    if (old->issuer.region != p.issuer.region)
      return refuse("活动包标识“" + p.id + "”已用于「" + old->issuer.unit + "」（" + RegionText(old->issuer.region) +
                    "）发布的活动包「" + old->Title() + "」；此文件来自「" + p.issuer.unit + "」（" +
                    RegionText(p.issuer.region) + "），不能替换它");
    if (!old->signer_key.empty() && p.signer_key != old->signer_key)
      return refuse(p.signer_key.empty() ? "已安装的" + name + "有发布单位的签名，此文件没有签名，不能替换它"
                                         : "此文件的签名密钥（" + KeyFingerprint(p.signer_key) + "）与已安装的" + name +
                                               "（" + KeyFingerprint(old->signer_key) + "）不同，不能替换它");
    if (p.version == old->version)
      return refuse(p.fingerprint == old->fingerprint
                        ? name + "第 " + std::to_string(p.version) + " 版已经安装"
                        : name + "第 " + std::to_string(p.version) + " 版已经安装，此文件同为第 " +
                              std::to_string(p.version) + " 版但内容不同；请向发布单位确认哪一份是正式的");
    if (p.version < old->version)
      return refuse("本机已安装" + name + "第 " + std::to_string(old->version) + " 版，此文件是较旧的第 " +
                    std::to_string(p.version) + " 版");
  }
  for (size_t i = 0; i < p.forms.size(); ++i) {
    const FormDef& f = p.forms[i];
    const std::string at = "活动包第 " + std::to_string(i + 1) + " 张表格「" + f.title + "」";
    if (const FormDef* b = builtin.Find(f.id))
      return refuse(at + "的标识“" + f.id + "”与本机内置表格「" + b->title + "」相同，请换一个标识");
    for (const CampaignPackage& q : packages_)
      if (const FormDef* o = q.FindForm(f.id); o && q.id != p.id)
        return refuse(at + "的标识“" + f.id + "”已由活动包「" + q.Title() + "」的表格「" + o->title +
                      "」使用，请换一个标识");
    const FormDef* before = old ? old->FindForm(f.id) : nullptr;
    if (before && f.version < before->version)
      return refuse(at + "是第 " + std::to_string(f.version) + " 版，低于已安装的第 " +
                    std::to_string(before->version) + " 版");
    if (before && f.version == before->version && !SameContent(*before, f))
      return refuse(at + "的内容已改变，但版本仍是第 " + std::to_string(f.version) +
                    " 版；请发布单位把表格版本改为第 " + std::to_string(f.version + 1) +
                    " 版，已填写的草稿才能随之更新");
    FormChanges c = DiffForms(before, &f);
    if (!before || before->version != f.version || !c.fields.empty()) plan.changes.push_back(std::move(c));
  }
  if (old)
    for (const FormDef& f : old->forms)
      if (!p.FindForm(f.id)) plan.changes.push_back(DiffForms(&f, nullptr));
  for (const Issuer& is : p.campaign.issuers)
    for (const CampaignPackage& q : packages_)
      if (q.id != p.id && q.campaign.id == p.campaign.id && q.campaign.FindIssuer(is.id))
        return refuse("活动「" + p.campaign.title + "」中的发文单位标识“" + is.id + "”已由活动包「" + q.Title() +
                      "」使用");
  return plan;
}

InstallPlan PackageLibrary::Install(CampaignPackage p, const FormLibrary& builtin, FileStore* store) {
  if (p.bytes.empty()) {  // made in this app, never read: written and read like any other file
    PackageWrite w = WritePackage(p, builtin);
    if (w.bytes.empty()) {
      InstallPlan refused;
      refused.title = p.Title();
      refused.error = w.errors.empty() ? "活动包无法写出" : w.errors.front();
      return refused;
    }
    p = std::move(*ParsePackage(w.bytes, builtin).package);
  }
  InstallPlan plan = Plan(p, builtin);
  if (!plan.ok()) return plan;
  std::string why;
  if (store && !store->WriteAtomic(FileOf(p.id), p.bytes, &why)) {
    plan.error = "活动包未能保存：" + why;
    plan.changes.clear();
    return plan;
  }
  Put(std::move(p));
  return plan;
}

bool PackageLibrary::Remove(const std::string& id, FileStore* store) {
  const auto it =
      std::find_if(packages_.begin(), packages_.end(), [&](const CampaignPackage& p) { return p.id == id; });
  if (it == packages_.end()) return false;
  if (store && store->Exists(FileOf(id)) && !store->Remove(FileOf(id))) return false;
  packages_.erase(it);
  return true;
}

void PackageLibrary::Put(CampaignPackage p) {
  const auto it = std::lower_bound(packages_.begin(), packages_.end(), p.id,
                                   [](const CampaignPackage& q, const std::string& id) { return q.id < id; });
  if (it != packages_.end() && it->id == p.id)
    *it = std::move(p);
  else
    packages_.insert(it, std::move(p));
}

std::vector<std::string> PackageLibrary::Load(const FileStore& store, const FormLibrary& builtin) {
  packages_.clear();
  std::vector<std::string> warnings;
  for (const std::string& name : store.List(kPackagesDir)) {
    if (name.size() < 6 || name.compare(name.size() - 5, 5, ".json") != 0) continue;
    const std::string at = std::string(kPackagesDir) + "/" + name;
    std::string bytes;
    if (!store.Read(at, bytes)) {
      warnings.push_back(at + "：无法读取");
      continue;
    }
    PackageRead r = ParsePackage(bytes, builtin);
    if (!r.package) {
      warnings.push_back(at + "：" + (r.errors.empty() ? "无法读取" : r.errors.front()) + "（此活动包暂未启用）");
      continue;
    }
    if (FileOf(r.package->id) != at) {
      warnings.push_back(at + "：文件名与活动包标识“" + r.package->id + "”不符（此活动包暂未启用）");
      continue;
    }
    Put(std::move(*r.package));
  }
  return warnings;
}

FormLibrary MergeForms(const FormLibrary& builtin, const PackageLibrary& packages) {
  FormLibrary out = builtin;
  out.packages.clear();
  for (const CampaignPackage& p : packages.packages()) {
    out.packages.push_back(p.Ref());
    for (const FormDef& f : p.forms) {
      if (const FormDef* had = out.Find(f.id)) {
        out.errors.push_back("活动包「" + p.Title() + "」的表格「" + f.title + "」未启用：标识“" + f.id + "”已由" +
                             (had->package.empty() ? std::string("本机内置表格") : "另一活动包的表格") + "「" +
                             had->title + "」使用");
        continue;
      }
      out.forms.push_back(f);
    }
  }
  return out;
}

CampaignLibrary MergeCampaigns(const CampaignLibrary& builtin, const PackageLibrary& packages) {
  CampaignLibrary out = builtin;
  std::vector<const CampaignPackage*> order;
  for (const CampaignPackage& p : packages.packages()) order.push_back(&p);
  std::stable_sort(order.begin(), order.end(), [](const CampaignPackage* a, const CampaignPackage* b) {
    return Breadth(a->issuer.region) < Breadth(b->issuer.region);
  });
  for (const CampaignPackage* p : order) {
    const auto c = std::find_if(out.campaigns.begin(), out.campaigns.end(),
                                [&](const Campaign& x) { return x.id == p->campaign.id; });
    if (c == out.campaigns.end()) {
      out.campaigns.push_back(p->campaign);
      continue;
    }
    for (const Issuer& is : p->campaign.issuers) {
      const auto had =
          std::find_if(c->issuers.begin(), c->issuers.end(), [&](const Issuer& x) { return x.id == is.id; });
      if (had == c->issuers.end())
        c->issuers.push_back(is);
      else if (had->package.empty())
        *had = is;  // a correction of a shipped notice
      else
        out.errors.push_back("活动包「" + p->Title() + "」中的通知「" + is.name + "」未启用：发文单位标识“" + is.id +
                             "”已由另一活动包使用");
    }
    for (const HostWeek& h : p->campaign.calendar)
      if (std::none_of(c->calendar.begin(), c->calendar.end(),
                       [&](const HostWeek& x) { return x.region == h.region && x.days.begin == h.days.begin; }))
        c->calendar.push_back(h);
    std::stable_sort(c->calendar.begin(), c->calendar.end(),
                     [](const HostWeek& a, const HostWeek& b) { return a.days.begin < b.days.begin; });
  }
  return out;
}

}  // namespace lw
