// The 16 criteria of the Standard for Public Code (standard.publiccode.net), in its order.
#include "code/readiness.h"

namespace pintu::code {

const std::vector<CriterionInfo>& AllCriteria() {
  static const std::vector<CriterionInfo> criteria = {
      {"code-in-the-open", "Code in the open", "程式碼公開",
       "All source code of the software in use is published where anyone can read it.",
       "使用中的軟體，其全部原始碼都公開在任何人都能閱讀的地方。"},
      {"bundle-policy", "Bundle policy and source code", "政策與原始碼並陳",
       "The policy the software carries out is published together with the code.",
       "軟體所執行的政策或法規，與程式碼一起公開。"},
      {"reusable-portable", "Make the codebase reusable and portable", "可重複使用且可移植",
       "Other organisations can run the software in their own setting without changing the code.",
       "其他機關不需修改程式碼，就能在自己的環境中執行。"},
      {"welcome-contributors", "Welcome contributors", "歡迎貢獻者",
       "Anyone can suggest changes, and contribution guidelines explain how.",
       "任何人都能提出修改建議，並有貢獻指南說明做法。"},
      {"make-contributing-easy", "Make contributing easy", "讓貢獻變容易",
       "There is a public issue tracker and a closed channel to report security problems.",
       "有公開的問題追蹤系統，以及通報資安問題的非公開管道。"},
      {"version-control", "Maintain version control", "使用版本控制",
       "Every change is kept in version control with its history visible to everyone.",
       "每一次變更都保存在版本控制中，歷史紀錄人人可見。"},
      {"require-review", "Require review of contributions", "貢獻須經審查",
       "Every change is reviewed by someone other than its author before it is accepted.",
       "每一項變更在採納前，都由作者以外的人審查。"},
      {"document-objectives", "Document codebase objectives", "說明程式碼目標",
       "The purpose of the software is described clearly.",
       "清楚說明軟體的目的。"},
      {"document-the-code", "Document the code", "撰寫程式碼文件",
       "Documentation explains how to install, use and change the software.",
       "文件說明如何安裝、使用與修改軟體。"},
      {"plain-english", "Use plain English", "使用淺白語言",
       "Documentation is written in plain language that newcomers understand.",
       "文件以新手也能理解的淺白語言撰寫。"},
      {"open-standards", "Use open standards", "使用開放標準",
       "Data formats and interfaces follow open standards, so nobody is locked in.",
       "資料格式與介面採用開放標準，避免被單一廠商綁定。"},
      {"continuous-integration", "Use continuous integration", "使用持續整合",
       "Automated tests run on every change.",
       "每一次變更都會自動執行測試。"},
      {"open-license", "Publish with an open license", "以開放授權發布",
       "The code is published under an approved open source licence stated in a licence file.",
       "程式碼以經認可的開放原始碼授權發布，並附有授權檔案。"},
      {"findable", "Make the codebase findable", "讓程式碼容易被找到",
       "The software is described in machine-readable metadata (publiccode.yml) so catalogues find it.",
       "以機器可讀的詮釋資料（publiccode.yml）描述軟體，讓目錄系統能找到它。"},
      {"coherent-style", "Use a coherent style", "使用一致的風格",
       "Code and documentation follow a published style guide.",
       "程式碼與文件遵循公開的風格指南。"},
      {"document-maturity", "Document codebase maturity", "說明程式碼成熟度",
       "Versions are tagged and the documentation says whether the software is ready to use.",
       "版本有標記，文件也說明軟體是否已可正式使用。"},
  };
  return criteria;
}

std::string_view CriterionStateCode(CriterionState state) {
  switch (state) {
    case CriterionState::kMet: return "met";
    case CriterionState::kNotMet: return "not_met";
    case CriterionState::kSelfAssess: return "self_assess";
  }
  return "self_assess";
}

}  // namespace pintu::code
